/// A JSON syntax error (message with the byte position inside the header).
struct HeaderJSONError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
