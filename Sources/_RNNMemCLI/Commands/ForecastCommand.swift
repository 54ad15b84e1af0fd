import ArgumentParser
import Foundation
import RNNMemory

/// `--model arfima|naive` of `forecast`.
enum ForecastModelArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case arfima, naive
}

/// `--predictor exact|ar-infinity` of `forecast --model arfima`.
enum ForecastPredictorArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case exact
    case arInfinity = "ar-infinity"
}

/// `--fit train|train-validation` of `forecast --model arfima`.
enum ForecastFitArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case train
    case trainValidation = "train-validation"
}

/// `rnnmem forecast FILE --model arfima|naive [--splits a,b,c]`: one-step baselines of the series task, scored on
/// exactly the test pairs and in the units of `train --task series`.
struct ForecastCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "One-step forecast baselines (fitted ARFIMA, naive) on the splits of 'train --task series'.",
        discussion: """
            Reads the series as 'train --task series --data FILE' does (--column, --transform, --last), splits its \
            n − 1 input–target pairs (y_t, y_(t+1)) into train, validation and test in time order (--splits a,b,c; \
            default Zhao et al.'s sizes for their data-set names arfima, DJI, traffic, tree7, else 50/30/20 per \
            cent), and scores one-step predictions of the test targets in original units: RMSE, MAE, MAPE (when \
            no target is 0) and the MSE of the min–max-scaled values (--scaler, as train's; comparable with the \
            networks' test loss).

            --model naive predicts y_(t+1) by y_t (the ceiling a forecaster must beat). --model arfima fits \
            ARFIMA(p, d, q) to the training values y_1 … y_(train+1) (--fit train-validation: also the validation \
            values) with --method (default whittle; mle, hr, css), p and q fixed by --ar-order/--ma-order or \
            selected by BIC over p, q ≤ --max-order (default 2), subtracts the fitting values' mean, and predicts \
            every y_(t+1) from all of y_1 … y_t: --predictor exact is the best linear predictor from the finite \
            past under the fitted model (Durbin–Levinson on its autocovariance; the floor of linear one-step \
            forecasts), --predictor ar-infinity the AR(∞) form −Σ_(j≤K) π_j (y_(t+1−j) − μ) truncated at --window K.

            Plain output: 'key: value' lines. JSON keys: input, column, transform, n, dataset, splits {train, \
            validation, test}, scaler, model, predictor (null for naive), fit (null for naive; else method, values, \
            p, q, d, ar, ma, sigma2, mean, log_likelihood, bic, candidates[] {p, q, bic}), test_pairs, rmse, mae, \
            mape (null when a target is 0), scaled_mse. --save DIR writes predictions.npy and targets.npy (the \
            test pairs); --figures DIR writes forecast.csv (t, target, prediction) and forecast.svg.
            """)

    @Argument(help: ArgumentHelp("CSV file holding the series.", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "Column to use: a header name or a 1-based index (default: the last numeric column).",
            valueName: "name|index"))
    var column: String?

    @Option(
        help: ArgumentHelp(
            "Use a transformation of the column (log and returns need positive values).", valueName: "name"))
    var transform: SeriesTransform = .identity

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Keep only the last N observations (after --transform).", valueName: "N"))
    var last: Int?

    @Option(help: ArgumentHelp("train,validation,test sizes in input–target pairs (see above).", valueName: "a,b,c"))
    var splits: String?

    @Option(
        help: ArgumentHelp(
            "Min–max scaler of the scaled MSE: fitted on the whole series or the training values.",
            valueName: "whole|train"))
    var scaler: ScalerArgument = .whole

    @Option(
        help: ArgumentHelp(
            "Forecaster: arfima (fitted ARFIMA(p, d, q)) or naive (y_t predicts y_(t+1)).", valueName: "name"))
    var model: ForecastModelArgument

    @Option(help: ArgumentHelp("arfima: estimator of the fit: whittle, mle, hr, css.", valueName: "method"))
    var method: EstimationMethod = .whittle

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("arfima: AR order p (with --ma-order; default: BIC selection).", valueName: "p"))
    var arOrder: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("arfima: MA order q (with --ar-order).", valueName: "q"))
    var maOrder: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("arfima: largest p and q of the BIC selection (0…3).", valueName: "k"))
    var maxOrder: Int?

    @Option(help: ArgumentHelp("arfima: values the model is fitted on: train or train-validation.", valueName: "split"))
    var fit: ForecastFitArgument = .train

    @Option(
        help: ArgumentHelp(
            "arfima: exact (finite-past best linear predictor) or ar-infinity (truncated AR(∞)).",
            valueName: "name"))
    var predictor: ForecastPredictorArgument = .exact

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("arfima --predictor ar-infinity: truncation K (default 100).", valueName: "K"))
    var window: Int?

    @Option(
        help: ArgumentHelp(
            "Write forecast.csv and forecast.svg (test targets and predictions) to this directory.",
            valueName: "dir"))
    var figures: String?

    @OptionGroup var save: SaveOptions

    @OptionGroup var output: OutputOptions

    func validateValues() throws(CLIError) {
        if let last { try Arguments.count(last, "--last") }
        if model == .naive {
            let arfimaOnly = [
                ("--ar-order", arOrder != nil), ("--ma-order", maOrder != nil), ("--max-order", maxOrder != nil),
                ("--window", window != nil),
            ]
            if let (flag, _) = arfimaOnly.first(where: { $0.1 }) {
                throw CLIError("\(flag) applies to --model arfima only")
            }
        }
        if (arOrder == nil) != (maOrder == nil) {
            throw CLIError("give --ar-order and --ma-order together (or neither, for BIC selection)")
        }
        if arOrder != nil && maxOrder != nil { throw CLIError("give --ar-order/--ma-order or --max-order, not both") }
        for (flag, v) in [("--ar-order", arOrder), ("--ma-order", maOrder), ("--max-order", maxOrder)] {
            if let v, !(0...3).contains(v) { throw CLIError.invalidArgument(flag, String(v), "must lie in 0…3") }
        }
        if let window {
            guard predictor == .arInfinity else { throw CLIError("--window applies to --predictor ar-infinity only") }
            guard window >= 1, window <= 100_000 else {
                throw CLIError.invalidArgument("--window", String(window), "must lie in 1…100000")
            }
        }
        guard [.whittle, .exactMaximumLikelihood, .haslettRaftery, .conditionalSumOfSquares].contains(method) else {
            throw CLIError.invalidArgument("--method", method.rawValue, "must be one of whittle, mle, hr, css")
        }
    }

    func run(console: Console) throws {
        try validateValues()
        let explicit = try splits.map { s throws(CLIError) in try SeriesTaskInput.splits(parsing: s) }
        let input = try SeriesTaskInput.load(file, column: column, transform: transform, last: last, console: console)
        let chosen = try input.splits(explicit)
        let task: SeriesPredictionTask
        do {
            task = try SeriesPredictionTask(
                series: input.values, dataset: input.dataset, splits: chosen, scalerFit: scaler.fit)
        } catch {
            throw cliError(error, context: file)
        }
        let series = input.values
        let start = chosen.train + chosen.validation
        var fitResult: (fit: ARFIMAFit, candidates: [ARFIMAOrderCandidate], values: Int, mean: Double)? = nil
        let predictions: [Double]
        switch model {
        case .naive:
            predictions = Array(series[start..<chosen.pairCount])
        case .arfima:
            if predictor == .exact, chosen.pairCount + 1 > SimulationOptions.maximumDurbinLevinsonLength {
                throw CLIError(
                    "\(file): --predictor exact on \(chosen.pairCount + 1) values: the finite-past predictor runs "
                        + "Durbin–Levinson, whose time grows as n², on at most "
                        + "\(SimulationOptions.maximumDurbinLevinsonLength) values; use --predictor ar-infinity, or --last"
                )
            }
            let fitted = Array(series[0...(fit == .train ? chosen.train : start)])
            let mean = fitted.reduce(0, +) / Double(fitted.count)
            do {
                let maxP = arOrder ?? maxOrder ?? 2, maxQ = maOrder ?? maxOrder ?? 2
                let selection = try ParametricEstimation.selectOrder(
                    fitted, maxP: maxP, maxQ: maxQ, minP: arOrder ?? 0, minQ: maOrder ?? 0, method: method)
                fitResult = (selection.selected, selection.candidates, fitted.count, mean)
                let past = Array(series[0...chosen.pairCount])
                let all: [Double]
                switch predictor {
                case .exact: all = try OneStepPrediction.exact(past, model: selection.selected.model, mean: mean)
                case .arInfinity:
                    all = try OneStepPrediction.arInfinity(
                        past, model: selection.selected.model, mean: mean, window: window ?? 100)
                }
                predictions = Array(all[(start + 1)...chosen.pairCount])
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError("\(file): ARFIMA fit (\(method.rawValue)) on \(fitted.count) values: \(error)")
            }
        }
        let metrics: SeriesPredictionMetrics
        do {
            metrics = try task.metrics(ofPredictions: predictions)
        } catch {
            throw CLIError("\(file): the \(model.rawValue) forecasts are not finite: \(error)")
        }
        if save.save != nil {
            var arrays = SafetensorsFile()
            do {
                arrays.tensors["predictions"] = try SafetensorsTensor(
                    shape: [metrics.predictions.count], values: metrics.predictions)
                arrays.tensors["targets"] = try SafetensorsTensor(
                    shape: [metrics.targets.count], values: metrics.targets)
            } catch {
                throw CLIError("cannot build the arrays to save: \(error)")
            }
            try save.write(arrays)
        }
        if let figures { try writeFigures(figures, metrics: metrics, firstTarget: start + 2, console: console) }
        try output.emit(
            to: console,
            plain: { plainReport(input: input, splits: chosen, metrics: metrics, fit: fitResult) },
            json: { jsonReport(input: input, splits: chosen, metrics: metrics, fit: fitResult) })
    }

    private var modelDescription: String {
        switch model {
        case .naive: return "naive (y_t predicts y_(t+1))"
        case .arfima: return "arfima"
        }
    }

    private func plainReport(
        input: SeriesTaskInput, splits: SeriesSplits, metrics: SeriesPredictionMetrics,
        fit: (fit: ARFIMAFit, candidates: [ARFIMAOrderCandidate], values: Int, mean: Double)?
    ) -> String {
        var lines = [
            "input: \(file)",
            "n: \(input.values.count)",
            "splits: \(splits.train),\(splits.validation),\(splits.test)",
            "model: \(modelDescription)",
        ]
        if let fit {
            let m = fit.fit.model
            lines.append(
                "fit: ARFIMA(\(m.ar.count), d, \(m.ma.count)) by \(method.rawValue) on \(fit.values) values\(arOrder == nil ? " (BIC over p, q ≤ \(maxOrder ?? 2))" : "")"
            )
            lines.append("d: \(NumberText.format(m.d))")
            if !m.ar.isEmpty { lines.append("ar: " + m.ar.map(NumberText.format).joined(separator: ",")) }
            if !m.ma.isEmpty { lines.append("ma: " + m.ma.map(NumberText.format).joined(separator: ",")) }
            lines.append("mean: \(NumberText.format(fit.mean))")
            lines.append("predictor: \(predictor.rawValue)")
        }
        lines.append("test pairs: \(metrics.targets.count)")
        lines.append("rmse: \(NumberText.format(metrics.rmse))")
        lines.append("mae: \(NumberText.format(metrics.mae))")
        lines.append("mape: " + (metrics.mape.map(NumberText.format) ?? "undefined (a test target is 0)"))
        lines.append("scaled mse: \(NumberText.format(metrics.scaledMSE))")
        return lines.joined(separator: "\n") + "\n"
    }

    private func jsonReport(
        input: SeriesTaskInput, splits: SeriesSplits, metrics: SeriesPredictionMetrics,
        fit: (fit: ARFIMAFit, candidates: [ARFIMAOrderCandidate], values: Int, mean: Double)?
    ) -> JSONValue {
        var fitJSON = JSONValue.null
        if let fit {
            let m = fit.fit.model
            let bic = fit.candidates.first { $0.p == m.ar.count && $0.q == m.ma.count }?.bic
            fitJSON = .object([
                ("method", .string(method.rawValue)),
                ("values", .integer(fit.values)),
                ("p", .integer(m.ar.count)),
                ("q", .integer(m.ma.count)),
                ("d", .number(m.d)),
                ("ar", .numbers(m.ar)),
                ("ma", .numbers(m.ma)),
                ("sigma2", .number(m.sigma2)),
                ("mean", .number(fit.mean)),
                ("log_likelihood", .number(fit.fit.logLikelihood)),
                ("bic", .optional(bic)),
                (
                    "candidates",
                    .array(
                        fit.candidates.map { c in
                            .object([("p", .integer(c.p)), ("q", .integer(c.q)), ("bic", .optional(c.bic))])
                        })
                ),
            ])
        }
        return .object([
            ("input", .string(file)),
            ("column", .optional(column)),
            ("transform", .string(transform.commandLineName)),
            ("n", .integer(input.values.count)),
            ("dataset", .string(input.dataset)),
            (
                "splits",
                .object([
                    ("train", .integer(splits.train)), ("validation", .integer(splits.validation)),
                    ("test", .integer(splits.test)),
                ])
            ),
            ("scaler", .string(scaler.rawValue)),
            ("model", .string(model.rawValue)),
            ("predictor", model == .naive ? .null : .string(predictor.rawValue)),
            ("fit", fitJSON),
            ("test_pairs", .integer(metrics.targets.count)),
            ("rmse", .number(metrics.rmse)),
            ("mae", .number(metrics.mae)),
            ("mape", .optional(metrics.mape)),
            ("scaled_mse", .number(metrics.scaledMSE)),
        ])
    }

    /// forecast.csv (t = the target's 1-based index in the series, target, prediction) and forecast.svg.
    private func writeFigures(_ path: String, metrics: SeriesPredictionMetrics, firstTarget: Int, console: Console)
        throws(CLIError)
    {
        let directory = try OutputDirectory(path: path, option: "--figures")
        var csv = "t,target,prediction\n"
        for i in metrics.targets.indices {
            csv +=
                "\(firstTarget + i),\(NumberText.format(metrics.targets[i])),\(NumberText.format(metrics.predictions[i]))\n"
        }
        try Console.writeFile(csv, path: directory.file("forecast.csv"))
        let script = """
            set terminal svg size 900,420 dynamic background rgb 'white'
            set output 'forecast.svg'
            set datafile separator ','
            set key top left
            set xlabel 't'
            set title 'one-step forecasts on the test pairs: \(model.rawValue) (RMSE \(NumberText.format(metrics.rmse)))'
            plot 'forecast.csv' using 1:2 skip 1 with lines lc rgb '#888888' title 'y_t', \\
                 'forecast.csv' using 1:3 skip 1 with lines lc rgb '#c03020' title 'prediction'
            """
        try Console.writeFile(script + "\n", path: directory.file("forecast.gp"))
        if let gnuplot = Gnuplot.executable() {
            if let problem = Gnuplot.run(script: "forecast.gp", in: directory.path, executable: gnuplot) {
                console.warning("forecast.svg not written: \(problem)")
            }
        } else {
            console.note("gnuplot not found: wrote forecast.csv and forecast.gp only (\(Gnuplot.installHint))")
        }
    }
}
