import RNNMemory

/// The JSON form of `rnnmem check` (keys documented in `rnnmem check --help` and the README).
enum CheckReportJSON {
    static func object(
        _ r: MemoryCheckReport, input: AnalysedSeries, figures: CheckFigures?
    ) -> JSONValue {
        let e = r.evidence
        let rule = r.settings.rule
        let d = r.decision
        var fields = input.jsonFields
        fields += [
            ("verdict", .string(d.verdict.rawValue)),
            ("verdict_text", .string(d.verdict.displayName)),
            ("rule_version", .string(d.ruleVersion)),
            ("rule_step", .integer(d.step)),
            ("threshold", .number(d.threshold)),
            ("d", .optional(d.headline?.d)),
            ("d_method", .optional(d.headline?.method.commandLineName)),
            ("hurst", .optional(d.headline.map { $0.d + 0.5 })),
            ("reasons", .array(d.reasons.map { .string($0) })),
            ("caveats", .array(d.caveats.map { .string($0) })),
            (
                "primary_classes",
                .array(
                    d.primaryClasses.map {
                        .object([
                            ("method", .string($0.method.commandLineName)),
                            ("class", .string($0.estimateClass.rawValue)),
                        ])
                    })
            ),
            ("persistent_rejections", .integer(d.persistentRejections)),
            ("short_memory_tests", .integer(d.shortMemoryTestsAvailable)),
            ("confidence_level", .number(r.settings.confidenceLevel)),
            ("test_level", .number(r.settings.testLevel)),
            (
                "estimates",
                .array(
                    e.estimates.map {
                        .object([("role", .string(rule.role(of: $0, in: e).rawValue))] + EstimateOutput.jsonFields($0))
                    })
            ),
            (
                "failed_estimates",
                .array(
                    e.failedEstimates.map {
                        .object([("method", .string($0.kind.commandLineName)), ("error", .string($0.message))])
                    })
            ),
            ("tests", .array(e.tests.map { .object(TestOutput.jsonFields($0)) })),
            (
                "failed_tests",
                .array(
                    e.failedTests.map {
                        .object([("method", .string($0.kind.commandLineName)), ("error", .string($0.message))])
                    })
            ),
            ("order_selection", orderSelection(e)),
            ("spurious", spurious(e)),
            (
                "failed_checks",
                .array(
                    e.failedChecks.map { .object([("check", .string($0.kind)), ("error", .string($0.message))]) })
            ),
            ("definition1", e.definition1.map(definition1) ?? .null),
            ("periodicity", e.periodicity.map { periodicity($0, band: primaryBand(r)) } ?? .null),
            ("acf_decay", acfDecay(r.acfDecay)),
            (
                "spectral_fit",
                r.spectralFit.map {
                    .object([
                        ("method", .string("lw")), ("d", .number($0.d)), ("scale", .number($0.scale)),
                        ("bandwidth", .integer($0.bandwidth)),
                    ])
                } ?? .null
            ),
            ("figures", figures.map(figuresObject) ?? .null),
        ]
        return .object(fields)
    }

    static func primaryBand(_ r: MemoryCheckReport) -> Int {
        r.evidence.estimates.filter { r.settings.rule.role(of: $0, in: r.evidence) == .primary }.compactMap(\.bandwidth)
            .max() ?? 0
    }

    static func orderSelection(_ e: MemoryEvidence) -> JSONValue {
        guard let selected = e.selectedParametric, let order = selected.order else { return .null }
        return .object([
            ("criterion", .string("bic")),
            ("max_p", .integer(MemoryCheck.maximumOrder)),
            ("max_q", .integer(MemoryCheck.maximumOrder)),
            ("selected", .object([("p", .integer(order.p)), ("q", .integer(order.q))])),
            (
                "candidates",
                .array(
                    e.parametricCandidates.map {
                        .object([
                            ("p", .integer($0.p)), ("q", .integer($0.q)), ("bic", .optional($0.bic)),
                            ("d", .optional($0.d)),
                        ])
                    })
            ),
        ])
    }

    static func spurious(_ e: MemoryEvidence) -> JSONValue {
        .object([
            (
                "qu",
                e.qu.map { q in
                    .object([
                        ("statistic", .number(q.statistic)), ("critical_value", .number(q.criticalValue)),
                        ("level", .number(q.level)), ("reject", .bool(q.reject)),
                        ("p_value_bounds", .numbers([q.pValueBounds.lowerBound, q.pValueBounds.upperBound])),
                        ("bandwidth", .integer(q.bandwidth)), ("trimming", .number(q.trimming)), ("d", .number(q.d)),
                        ("scale", .number(q.scale)),
                    ])
                } ?? .null
            ),
            (
                "sample_splitting",
                e.sampleSplitting.map { t in
                    .object([
                        ("blocks", .integer(t.blocks)), ("block_bandwidth", .integer(t.blockBandwidth)),
                        ("block_d", .numbers(t.blockEstimates)), ("block_se", .numbers(t.blockStandardErrors)),
                        ("full_sample_d", .number(t.fullSampleD)), ("statistic", .number(t.statistic)),
                        ("degrees_of_freedom", .integer(t.degreesOfFreedom)), ("p_value", .number(t.pValue)),
                        ("level", .number(t.level)), ("reject", .bool(t.reject)),
                    ])
                } ?? .null
            ),
            (
                "differencing",
                e.differencing.map { t in
                    .object([
                        ("d", .number(t.d)), ("bandwidth", .integer(t.bandwidth)),
                        ("demeaning", .string(t.demeaning.rawValue)), ("statistic", .number(t.statistic)),
                        ("lags", .integer(t.lags)), ("p_value", .number(t.pValue.value)),
                        ("p_value_kind", .string(t.pValue.kind.rawValue)),
                        ("p_value_bounds", .numbers([t.pValue.lower, t.pValue.upper])),
                        ("critical_value", .number(t.criticalValue)), ("rejects_at_5pct", .bool(t.reject)),
                    ])
                } ?? .null
            ),
            (
                "mean_shift",
                e.meanShift.map { m in
                    .object([
                        ("location", .integer(m.location)), ("standardized_shift", .number(m.standardizedShift)),
                        ("statistic", .number(m.statistic)),
                        ("adjusted", .object([("method", .string("elw"))] + EstimateOutput.jsonFields(m.adjusted))),
                    ])
                } ?? .null
            ),
        ])
    }

    static func definition1(_ p: PartialSumDiagnostic) -> JSONValue {
        .object([
            ("kind", .string(p.kind.rawValue)),
            ("max_lag", .integer(p.maxLag)),
            ("fit_range", .array([.integer(p.fitLower), .integer(p.fitUpper)])),
            ("fit_points", .integer(p.fitPoints)),
            ("slope", .number(p.slope)),
            ("se", .number(p.standardError)),
            ("implied_d", .number(p.impliedD)),
            ("growth", .string(p.growth.rawValue)),
            ("full_sample_sum", .optional(p.fullSampleSum)),
            ("lags", .array(p.lags.map { .integer($0) })),
            ("partial_sums", .numbers(p.partialSums)),
            ("caveats", .array(p.caveats.map { .string($0) })),
        ])
    }

    static func peak(_ p: PeriodicityCheck.Peak, band: Int) -> JSONValue {
        .object([
            ("index", .integer(p.index)), ("frequency", .number(p.frequency)), ("period", .number(p.period)),
            ("periodogram", .number(p.periodogram)), ("background", .number(p.background)), ("ratio", .number(p.ratio)),
            ("p_value", .number(p.pValue)), ("family_p_value", .number(p.familyPValue)),
            ("in_band", .bool(p.index <= band)),
        ])
    }

    static func periodicity(_ p: PeriodicityCheck, band: Int) -> JSONValue {
        .object([
            ("detected", .bool(p.detected)),
            ("family_level", .number(p.familyLevel)),
            ("tested", .array([.integer(p.firstIndex), .integer(p.lastIndex)])),
            ("half_window", .integer(p.halfWindow)),
            ("gap", .integer(p.gap)),
            ("band", .integer(band)),
            ("peaks", .array(p.peaks.map { peak($0, band: band) })),
            ("largest", p.largest.map { peak($0, band: band) } ?? .null),
        ])
    }

    static func acfDecay(_ a: ACFDecayFit) -> JSONValue {
        .object([
            ("max_lag", .integer(a.maxLag)),
            ("fit_range", .array([.integer(1), .integer(a.fitUpper)])),
            (
                "power_law",
                a.powerLaw.map {
                    .object([
                        ("c", .number(Double.exp($0.intercept))), ("exponent", .number($0.slope)),
                        ("implied_d", .number(($0.slope + 1) / 2)), ("rss", .number($0.residualSumOfSquares)),
                    ])
                } ?? .null
            ),
            (
                "exponential",
                a.exponential.map {
                    .object([
                        ("a", .number(Double.exp($0.intercept))), ("rate", .number(-$0.slope)),
                        ("time_scale", .optional($0.slope < 0 ? -1 / $0.slope : nil)),
                        ("rss", .number($0.residualSumOfSquares)),
                    ])
                } ?? .null
            ),
            ("closer_fit", .optional(a.closerFit)),
        ])
    }

    static func figuresObject(_ f: CheckFigures) -> JSONValue {
        .object([
            ("directory", .string(f.directory)),
            ("files", .array(f.paths.map { .string($0) })),
            ("svg", .bool(f.svgWritten)),
            ("problem", .optional(f.problem)),
        ])
    }
}
