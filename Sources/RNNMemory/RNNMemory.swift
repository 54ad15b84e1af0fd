// Umbrella module: `import RNNMemory` gives the whole toolkit.
@_exported import MemoryNumerics
@_exported import LongMemory
@_exported import Recurrent
@_exported import CurseOfMemory
@_exported import MemoryProbes
@_exported import Spectra
