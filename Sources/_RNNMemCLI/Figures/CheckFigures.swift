import Foundation
import RNNMemory

/// The two figures of `rnnmem check --figures DIR`, per column NAME (sanitised):
///
/// * `NAME-acf.csv` — `lag,acf,power_law,exponential`: the sample ACF ρ̂(k), k = 1…⌊n/10⌋, and the least-squares
///   power law c·k^b and exponential a·e^{−k/τ} fitted to log ρ̂ over the leading positive lags (NaN outside the
///   fit range); `NAME-acf.svg` plots it on log–log axes (non-positive ρ̂ cannot be shown there).
/// * `NAME-periodogram.csv` — `frequency,periodogram,local_whittle_fit`: I(λ_j), j = 1…⌊n/2⌋, and the local
///   Whittle fit Ĝ·λ^{−2d̂} over its band j ≤ m (NaN beyond); for more than 2000 ordinates also
///   `NAME-periodogram-binned.csv` — `frequency,mean_periodogram,count`: means over 40 log-spaced bins per decade,
///   which the plot shows instead of the raw ordinates beyond j = 500 (keeps the SVG small);
///   `NAME-periodogram.svg` plots them on log–log axes.
/// * `NAME-figures.gp` — the gnuplot script (run `gnuplot NAME-figures.gp` inside DIR to redraw).
struct CheckFigures {
    let directory: String
    let name: String
    var files: [String] = []
    var svgWritten = false
    /// Why no SVG was drawn (gnuplot missing or failing); nil when the SVGs were written.
    var problem: String? = nil

    /// Above this many ordinates the periodogram plot uses log-binned means beyond j = `rawLimit`.
    static let binningThreshold = 2000
    static let rawLimit = 500
    static let binsPerDecade = 40.0

    /// Characters other than letters, digits, '.', '-' and '_' become '_'.
    static func safeName(_ s: String) -> String {
        let mapped = s.unicodeScalars.map { c -> Character in
            (c.properties.isAlphabetic && c.isASCII) || ("0"..."9").contains(c) || c == "." || c == "-" || c == "_"
                ? Character(c) : "_"
        }
        let out = String(mapped)
        return out.isEmpty || out.allSatisfy({ $0 == "." }) ? "series" : out
    }

    /// Write the CSVs and the script for one column, then run gnuplot if it is available.
    static func write(
        _ report: MemoryCheckReport, column: String, title: String, directory: String
    ) throws(CLIError) -> CheckFigures {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FileSystemErrors.cannotCreateFolder(directory, error: error)
        }
        var fig = CheckFigures(directory: directory, name: safeName(column))
        let acfFile = "\(fig.name)-acf.csv"
        let pgFile = "\(fig.name)-periodogram.csv"
        let binnedFile = "\(fig.name)-periodogram-binned.csv"
        let scriptFile = "\(fig.name)-figures.gp"
        try fig.save(acfFile, acfCSV(report.acfDecay))
        try fig.save(pgFile, periodogramCSV(report.periodogram, fit: report.spectralFit))
        let binned = report.periodogram.values.count > binningThreshold
        if binned { try fig.save(binnedFile, binnedCSV(report.periodogram)) }
        try fig.save(
            scriptFile,
            script(report, title: title, name: fig.name, binned: binned))
        guard let gnuplot = Gnuplot.executable() else {
            fig.problem =
                "gnuplot is not installed (\(Gnuplot.installHint)); then run: cd \(directory) && gnuplot \(scriptFile)"
            return fig
        }
        if let failure = Gnuplot.run(script: scriptFile, in: directory, executable: gnuplot) {
            fig.problem = failure
            return fig
        }
        fig.files += ["\(fig.name)-acf.svg", "\(fig.name)-periodogram.svg"]
        fig.svgWritten = true
        return fig
    }

    private mutating func save(_ file: String, _ text: String) throws(CLIError) {
        try Console.writeFile(text, path: (directory as NSString).appendingPathComponent(file))
        files.append(file)
    }

    /// Paths of the files written, relative to the current directory.
    var paths: [String] { files.map { (directory as NSString).appendingPathComponent($0) } }

    static func csvNumber(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "NaN" }
        return NumberText.format(v)
    }

    static func acfCSV(_ a: ACFDecayFit) -> String {
        var out = "lag,acf,power_law,exponential\n"
        for k in 1...a.maxLag {
            let inFit = k <= a.fitUpper
            out +=
                "\(k),\(csvNumber(a.acf[k - 1])),\(csvNumber(inFit ? a.powerLawValue(at: k) : nil)),"
                + "\(csvNumber(inFit ? a.exponentialValue(at: k) : nil))\n"
        }
        return out
    }

    static func periodogramCSV(_ p: SampleStatistics.Periodogram, fit: SpectralPowerLaw?) -> String {
        var out = "frequency,periodogram,local_whittle_fit\n"
        for j in 0..<p.values.count {
            let inBand = fit.map { j < $0.bandwidth } ?? false
            out +=
                "\(csvNumber(p.frequencies[j])),\(csvNumber(p.values[j])),"
                + "\(csvNumber(inBand ? fit?.value(at: p.frequencies[j]) : nil))\n"
        }
        return out
    }

    /// Means of I over log-spaced bins of j (bin b holds j with ⌊binsPerDecade·log10 j⌋ = b), at the geometric mean
    /// of the bin's frequencies.
    static func binnedCSV(_ p: SampleStatistics.Periodogram) -> String {
        var out = "frequency,mean_periodogram,count\n"
        var j = 1
        let count = p.values.count
        while j <= count {
            let bin = Int((binsPerDecade * Double.log10(Double(j))).rounded(.down))
            var sum = 0.0
            var logF = 0.0
            var k = 0
            while j <= count, Int((binsPerDecade * Double.log10(Double(j))).rounded(.down)) == bin {
                sum += p.values[j - 1]
                logF += Double.log(p.frequencies[j - 1])
                k += 1
                j += 1
            }
            out += "\(csvNumber(Double.exp(logF / Double(k)))),\(csvNumber(sum / Double(k))),\(k)\n"
        }
        return out
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func script(_ r: MemoryCheckReport, title: String, name: String, binned: Bool) -> String {
        let a = r.acfDecay
        var powerTitle = "power law (no fit)"
        var expTitle = "exponential (no fit)"
        if let p = a.powerLaw, let d = a.powerLawImpliedD {
            powerTitle =
                "power law \(ReportFormat.fixed(Double.exp(p.intercept), 3))·k^{\(ReportFormat.fixed(p.slope, 3))}"
                + " (d = \(ReportFormat.fixed(d, 3)))"
        }
        if let e = a.exponential, let tau = a.exponentialTimeScale {
            expTitle =
                "exponential \(ReportFormat.fixed(Double.exp(e.intercept), 3))·e^{-k/\(ReportFormat.fixed(tau, 1))}"
        }
        var lwTitle = "local Whittle fit (unavailable)"
        if let f = r.spectralFit {
            lwTitle = "local Whittle fit Gλ^{-2d}, d = \(ReportFormat.fixed(f.d, 3)), j ≤ \(f.bandwidth)"
        }
        var s = """
            # Figures of rnnmem check (\(title)); run inside this folder: gnuplot \(name)-figures.gp
            set terminal svg size 720,460 font "sans,12" background "white"
            set datafile separator ","
            set logscale xy
            set format y "10^{%L}"
            set grid
            set key below

            set output "\(name)-acf.svg"
            set title \(quoted("Sample ACF, log–log axes: \(title), n = \(r.n)")) noenhanced
            set xlabel "lag k"
            set ylabel "autocorrelation"
            set xrange [0.8:*]
            plot "\(name)-acf.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) \(a.maxLag > 1000 ? "with lines lw 1" : "with points pt 7 ps 0.4") lc rgb "gray30" title "sample ACF (ρ̂ > 0)", \\
                 "" every ::1 using 1:3 with lines lw 2 lc rgb "#c0392b" title \(quoted(powerTitle)), \\
                 "" every ::1 using 1:4 with lines lw 2 dt 2 lc rgb "#2471a3" title \(quoted(expTitle))

            set output "\(name)-periodogram.svg"
            set title \(quoted("Periodogram, log–log axes: \(title), n = \(r.n)")) noenhanced
            set xlabel "frequency λ (radians)"
            set ylabel "I(λ)"
            set autoscale x

            """
        if binned {
            s += """
                plot "\(name)-periodogram.csv" every ::1::\(rawLimit) using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.3 lc rgb "gray50" title "I(λ_j), j ≤ \(rawLimit)", \\
                     "\(name)-periodogram-binned.csv" every ::1 using 1:2 with lines lw 1.5 lc rgb "gray20" title "mean of I over log-spaced bins", \\
                     "\(name)-periodogram.csv" every ::1 using 1:3 with lines lw 2.5 lc rgb "#c0392b" title \(quoted(lwTitle))

                """
        } else {
            s += """
                plot "\(name)-periodogram.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.4 lc rgb "gray40" title "I(λ_j)", \\
                     "" every ::1 using 1:3 with lines lw 2.5 lc rgb "#c0392b" title \(quoted(lwTitle))

                """
        }
        return s
    }
}
