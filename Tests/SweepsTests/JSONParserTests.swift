import Sweeps
import Testing

@Suite("JSON parser and canonical text")
struct JSONParserTests {
    @Test("Objects keep their key order; integers and other numbers are distinguished")
    func orderAndNumbers() throws {
        let value = try JSONParser.parse(
            #"{"z": 1, "a": [1.5, -0, 2e3, 9223372036854775807, 9223372036854775808], "m": {"b": true, "a": null}, "s": "\u00e9\ud83d\ude00\n"}"#
        )
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m", "s"])
        #expect(value["z"] == .integer(1))
        #expect(
            value["a"]
                == .array([.number(1.5), .integer(0), .number(2000), .integer(Int64.max), .number(9223372036854775808)])
        )
        #expect(value["m"] == .object([JSONMember("b", .bool(true)), JSONMember("a", .null)]))
        #expect(value["s"] == .string("é😀\n"))
    }

    @Test("Canonical text sorts keys, has no whitespace and is the same for equal values")
    func canonical() throws {
        let a = try JSONParser.parse(#"{"b": [1, 2.5, "x\"y"], "a": {"d": false, "c": 1e-5}}"#)
        let b = try JSONParser.parse("{\n \"a\": {\"c\": 0.00001, \"d\": false},\n \"b\": [1, 2.50, \"x\\u0022y\"]\n}")
        #expect(a.canonicalText == #"{"a":{"c":1e-05,"d":false},"b":[1,2.5,"x\"y"]}"#)
        #expect(a.canonicalText == b.canonicalText)
        #expect(JSONValue.string("tab\there\u{01}").canonicalText == #""tab\there\u0001""#)
    }

    @Test("Pretty text parses back to the same value")
    func prettyRoundTrip() throws {
        let value = JSONValue.object([
            JSONMember("name", .string("a \"quoted\" name")),
            JSONMember("list", .array([.integer(1), .number(0.1), .null])),
            JSONMember("nested", .array([.object([JSONMember("k", .bool(false))]), .array([])])),
            JSONMember("empty", .object([])),
        ])
        #expect(try JSONParser.parse(value.prettyText) == value)
        #expect(value.prettyText.hasPrefix("{\n  \"name\": \"a \\\"quoted\\\" name\",\n  \"list\": [1, 0.1, null],\n"))
    }

    static let invalid: [(text: String, message: String)] = [
        ("", "1:1: expected a value, found end of input"),
        ("{\"a\": 1,}", "1:9: expected a key in double quotes, found '}'"),
        ("[1, 2,]", "1:7: expected a value, found ']'"),
        ("{\"a\": 1, \"a\": 2}", "1:10: duplicate key 'a'"),
        ("{\"a\" 1}", "1:6: expected ':' after key 'a', found '1'"),
        ("[01]", "1:3: leading zero in number"),
        ("[1.]", "1:4: expected a digit after '.'"),
        ("[-]", "1:3: expected a digit after '-'"),
        ("[1e400]", "1:2: number 1e400 is out of the range of a double"),
        ("\"abc", "1:5: unterminated string"),
        ("\"a\tb\"", "1:3: control character in string (escape it)"),
        ("\"\\x\"", "1:2: invalid escape '\\x' in string"),
        ("\"\\ud800\"", "1:8: lone high surrogate in \\u escape"),
        ("[tru]", "1:2: expected a value (invalid literal)"),
        ("[nulls]", "1:2: expected a value (invalid literal)"),
        ("{} {}", "1:4: unexpected text after the JSON value"),
        ("[\n  1,\n  é]", "3:3: expected a value, found byte 0xC3"),
        ("{\"é\": 1 2}", "1:9: expected ',' or '}' in object, found '2'"),
    ]

    @Test("Syntax errors name the line and column", arguments: invalid.indices)
    func syntaxErrors(_ index: Int) {
        let (text, message) = Self.invalid[index]
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        #expect(error?.description == message)
    }

    @Test("Nesting deeper than the limit is an error, not a crash")
    func depthLimit() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        #expect(error?.message == "nesting deeper than 256 levels")
    }
}
