/// A problem with a safetensors file or with the tensors it holds for a model. Every message names the file (or
/// `<bytes>` for data that did not come from a file) and what is wrong with it; nothing in the safetensors code
/// traps on bad input.
public struct SafetensorsError: Error, Equatable, CustomStringConvertible {
    /// What kind of problem (for callers and tests that branch on it).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The file could not be opened, read or written (system reason in the message).
        case io
        /// Fewer bytes than the format needs (no complete 8-byte header length, or data cut short).
        case truncated
        /// The header length is zero, absurdly large, or points past the end of the file.
        case invalidHeaderLength
        /// The JSON header is not valid UTF-8 JSON, or not an object of the documented form.
        case malformedHeader
        /// A tensor's `data_offsets` are out of range, reversed, overlapping, leave holes, or do not cover the data.
        case invalidOffsets
        /// A `dtype` that the safetensors format does not define.
        case unknownDType
        /// A `dtype` the format defines but rnnmem does not read as a real number (e.g. F8_E4M3).
        case unsupportedDType
        /// The byte count of a tensor disagrees with its shape and dtype.
        case byteCountMismatch
        /// A tensor name appears twice, or a name is empty.
        case invalidName
        /// A tensor the model needs is not in the file.
        case missingTensor
        /// A tensor has a different shape from the one the model needs.
        case wrongShape
        /// A value that rnnmem cannot use (NaN or ±∞ in a weight).
        case invalidValue
        /// Metadata missing or inconsistent (architecture, sizes).
        case invalidMetadata
        /// The file holds tensors the mapping does not know (strict import).
        case unexpectedTensor
    }

    /// What went wrong.
    public let kind: Kind
    /// The file (as given by the caller) or `<bytes>`.
    public let source: String
    /// What is wrong, naming the tensor and the values at fault.
    public let message: String

    /// An error of `kind` about `source` with a one-line `message`.
    public init(_ kind: Kind, source: String, _ message: String) {
        self.kind = kind
        self.source = source
        self.message = message
    }

    /// `<source>: <message>`.
    public var description: String { "\(source): \(message)" }
}
