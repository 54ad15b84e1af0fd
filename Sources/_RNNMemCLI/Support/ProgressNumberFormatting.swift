/// Compact number formatting without Foundation, for progress lines.
enum NumberFormatting {
    /// `x` in scientific notation with `digits` decimals, e.g. 1.234e-02; "nan", "inf", "-inf" for non-finite.
    static func scientific(_ x: Double, digits: Int = 3) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        if x == 0 { return "0." + String(repeating: "0", count: digits) + "e+00" }
        let sign = x < 0 ? "-" : ""
        let a = abs(x)
        var exponent = Int(Double.log10(a).rounded(.down))
        var mantissa = a / Double.pow(10, Double(exponent))
        let factor = Double.pow(10, Double(digits))
        var scaled = (mantissa * factor).rounded()
        if scaled >= 10 * factor {
            exponent += 1
            mantissa = a / Double.pow(10, Double(exponent))
            scaled = (mantissa * factor).rounded()
        } else if scaled < factor {
            exponent -= 1
            mantissa = a / Double.pow(10, Double(exponent))
            scaled = (mantissa * factor).rounded()
        }
        let integer = Int(scaled)
        let whole = integer / Int(factor)
        let fraction = String(integer % Int(factor))
        let fractionText = digits > 0 ? "." + String(repeating: "0", count: digits - fraction.count) + fraction : ""
        let e = abs(exponent)
        return "\(sign)\(whole)\(fractionText)e\(exponent < 0 ? "-" : "+")\(e < 10 ? "0" : "")\(e)"
    }

    /// `x` with a fixed number of decimals (|x| < 1e15), e.g. 812.3.
    static func fixed(_ x: Double, decimals: Int) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return scientific(x) }
        let factor = Double.pow(10, Double(decimals))
        let scaled = Int((abs(x) * factor).rounded())
        let sign = x < 0 && scaled != 0 ? "-" : ""
        let f = Int(factor)
        guard decimals > 0 else { return "\(sign)\(scaled)" }
        let fraction = String(scaled % f)
        return "\(sign)\(scaled / f)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// Seconds as m:ss or h:mm:ss.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        let h = s / 3600, m = (s % 3600) / 60, r = s % 60
        let ss = r < 10 ? "0\(r)" : "\(r)"
        if h > 0 { return "\(h):\(m < 10 ? "0" : "")\(m):\(ss)" }
        return "\(m):\(ss)"
    }
}
