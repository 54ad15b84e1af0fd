@_exported import Numerics
