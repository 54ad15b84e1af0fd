import MemoryNumerics

extension Autocovariance {
    // PLACEHOLDER — being replaced by the Sowell / Doornik–Ooms implementation.
    static func sowell(_ model: ARFIMAModel, lags: Int) throws -> [Double] {
        throw LongMemoryError.numerical("ARFIMA autocovariance with AR terms is not available yet")
    }
}
