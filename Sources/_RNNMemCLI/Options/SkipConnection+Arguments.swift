import ArgumentParser
import RNNMemory

/// `--skip none|diagonal|matrix`: the readout's skip term D of linear, cdiag and lru (``SkipConnection``).
extension SkipConnection: ExpressibleByArgument {}
