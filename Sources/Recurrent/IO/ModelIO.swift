/// rnnmem's own weights files: any of the ten architectures as a safetensors file.
///
/// # Format (version 1)
/// * One tensor per ``ParameterGroup``, named exactly as the group (`layer0.W_hh`, `layer0.b_ih`, `readout.C`, …
///   — see each model's layout documentation), with the group's shape, in C order (so a matrix group [rows, cols]
///   is stored row by row, like numpy/PyTorch would hold it), F64 unless written as F32.
/// * `__metadata__`: `format` = `rnnmem`, `format_version` = `1`, `architecture`, `input_size`, `hidden_size`,
///   `output_size`, `layers`, `parameter_count`, `parameter_checksum` (``checksum(_:)`` of the F64 parameters),
///   and the structural options of the architecture: `window` (mrnn, mrnnf, mrnnw, mlstm, mlstmf), `output_tanh`
///   (mrnnf), `heads` and `skip` (linear), `skip` (lru), `skip`, `parametrization`, `normalization`,
///   `normalization_epsilon`, `scaled_exp_tangents` (cdiag). Callers may add their own entries (e.g. the task and
///   seed of a training run, as `rnnmem train` does); they cannot override the keys above.
///
/// Reading is strict: the metadata must describe a valid model, every group must be present with its exact
/// shape and finite values, no other tensor may be present, and the checksum (when present) must match.
public enum ModelIO {
    /// The metadata `format` of rnnmem weights files: "rnnmem".
    public static let formatName = "rnnmem"
    /// The metadata `format_version` this library writes and reads: "1".
    public static let formatVersion = "1"

    /// FNV-1a (64-bit) of the parameters' IEEE-754 bit patterns, little-endian byte by byte, as 16 hex digits
    /// prefixed `fnv1a64:`. Identical parameters ⇔ (with overwhelming probability) identical checksums, so two
    /// runs can be compared by one line.
    public static func checksum(_ parameters: [Double]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in parameters {
            let bits = v.bitPattern
            for k in 0..<8 {
                h ^= (bits >> (8 * UInt64(k))) & 0xFF
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(h, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The metadata entries describing `specification` (without format, count or checksum).
    public static func metadata(of s: ModelSpecification) -> [String: String] {
        var m: [String: String] = [
            "architecture": s.architecture.rawValue,
            "input_size": String(s.inputSize),
            "hidden_size": String(s.hiddenSize),
            "output_size": String(s.outputSize),
            "layers": String(s.layers),
        ]
        switch s.architecture {
        case .mrnn, .mrnnf, .mrnnw, .mlstm, .mlstmf:
            if let w = s.window { m["window"] = String(w) }
            if s.architecture == .mrnnf { m["output_tanh"] = s.outputTanh ? "true" : "false" }
        case .linearRNN:
            m["heads"] = String(s.heads)
            m["skip"] = (s.skip ?? .matrix).rawValue
        case .lru:
            m["skip"] = (s.skip ?? .diagonal).rawValue
        case .complexDiagonalRNN:
            let c = s.complexDiagonal
            m["skip"] = (s.skip ?? c.skip).rawValue
            m["parametrization"] = c.parametrization.rawValue
            m["normalization"] = c.normalization.name
            if case .l2(let eps) = c.normalization { m["normalization_epsilon"] = "\(eps)" }
            m["scaled_exp_tangents"] = c.scaledExpTangents.rawValue
        case .tanhRNN, .lstm, .gru:
            break
        }
        return m
    }

    /// `model` as a safetensors file in the format above; `metadata` adds entries (they may not override the
    /// format's own keys).
    public static func safetensors(
        of model: any RecurrentModel, metadata extra: [String: String] = [:],
        dtype: SafetensorsDType = .f64
    ) throws -> SafetensorsFile {
        let spec = try ModelSpecification(describing: model)
        var meta = extra
        for (k, v) in metadata(of: spec) { meta[k] = v }
        meta["format"] = formatName
        meta["format_version"] = formatVersion
        meta["parameter_count"] = String(model.parameterCount)
        if dtype == .f64 {
            meta["parameter_checksum"] = checksum(model.parameters)
        } else {
            meta["parameter_checksum"] = nil
        }
        var tensors: [String: SafetensorsTensor] = [:]
        let p = model.parameters
        for g in model.parameterGroups {
            tensors[g.name] = try SafetensorsTensor(columnMajor: Array(p[g.range]), shape: g.shape, dtype: dtype)
        }
        return SafetensorsFile(tensors: tensors, metadata: meta, source: "<export>")
    }

    /// Write `model` to `path` (see ``safetensors(of:metadata:dtype:)``).
    public static func write(
        _ model: any RecurrentModel, to path: String, metadata: [String: String] = [:],
        dtype: SafetensorsDType = .f64
    ) throws {
        try safetensors(of: model, metadata: metadata, dtype: dtype).write(to: path)
    }

    /// The model specification recorded in a file's metadata.
    public static func specification(of file: SafetensorsFile) throws(SafetensorsError) -> ModelSpecification {
        let m = file.metadata
        func fail(_ message: String) -> SafetensorsError {
            SafetensorsError(.invalidMetadata, source: file.source, message)
        }
        guard m["format"] == formatName else {
            if m["format"] == "pytorch" || file.tensors.keys.contains(where: { $0.hasSuffix("weight_ih_l0") }) {
                throw fail(
                    "this is a PyTorch state dict, not an rnnmem weights file (import it as PyTorch with its architecture)"
                )
            }
            throw fail(
                "not an rnnmem weights file (metadata \"format\" is \(m["format"].map { "\"\($0)\"" } ?? "missing"), expected \"\(formatName)\")"
            )
        }
        guard m["format_version"] == formatVersion else {
            throw fail(
                "unsupported format_version \(m["format_version"].map { "\"\($0)\"" } ?? "(missing)") (this rnnmem reads \(formatVersion))"
            )
        }
        func string(_ key: String) throws(SafetensorsError) -> String {
            guard let v = m[key] else { throw fail("metadata lacks \"\(key)\"") }
            return v
        }
        func int(_ key: String) throws(SafetensorsError) -> Int {
            let text = try string(key)
            guard let v = Int(text), v >= 1 else {
                throw fail("metadata \"\(key)\" = \"\(text)\" is not an integer ≥ 1")
            }
            return v
        }
        func optionalInt(_ key: String) throws(SafetensorsError) -> Int? { m[key] == nil ? nil : try int(key) }
        func skip() throws(SafetensorsError) -> SkipConnection? {
            guard let t = m["skip"] else { return nil }
            guard let s = SkipConnection(rawValue: t) else {
                throw fail(
                    "metadata \"skip\" = \"\(t)\" is not one of \(SkipConnection.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return s
        }
        let name = try string("architecture")
        guard let architecture = Architecture(rawValue: name) else {
            throw fail(
                "architecture: unknown architecture \"\(name)\" (expected one of \(Architecture.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        var complex = ComplexDiagonalConfiguration()
        if architecture == .complexDiagonalRNN {
            let pText = try string("parametrization")
            guard let p = EigenvalueParametrization(rawValue: pText) else {
                throw fail(
                    "metadata \"parametrization\" = \"\(pText)\" is not one of \(EigenvalueParametrization.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            complex.parametrization = p
            let nText = try string("normalization")
            switch nText {
            case "none": complex.normalization = .none
            case "l1": complex.normalization = .l1
            case "learned": complex.normalization = .learned
            case "l2":
                let eText = m["normalization_epsilon"] ?? "0.0"
                guard let eps = Double(eText), eps.isFinite, eps >= 0 else {
                    throw fail("metadata \"normalization_epsilon\" = \"\(eText)\" is not a finite number ≥ 0")
                }
                complex.normalization = .l2(epsilon: eps)
            default:
                throw fail("metadata \"normalization\" = \"\(nText)\" is not one of none, l2, l1, learned")
            }
            if let t = m["scaled_exp_tangents"] {
                guard let s = ScaledExpTangents(rawValue: t) else {
                    throw fail(
                        "metadata \"scaled_exp_tangents\" = \"\(t)\" is not one of \(ScaledExpTangents.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                complex.scaledExpTangents = s
            }
        }
        var outputTanh = false
        if let t = m["output_tanh"] {
            guard t == "true" || t == "false" else {
                throw fail("metadata \"output_tanh\" = \"\(t)\" is not true or false")
            }
            outputTanh = t == "true"
        }
        do {
            return try ModelSpecification(
                architecture: architecture, inputSize: try int("input_size"), hiddenSize: try int("hidden_size"),
                outputSize: try int("output_size"), layers: try int("layers"), window: try optionalInt("window"),
                outputTanh: outputTanh, heads: try optionalInt("heads") ?? 1, skip: try skip(), complexDiagonal: complex
            )
        } catch let e as SafetensorsError {
            throw e
        } catch {
            throw fail("\(error)")
        }
    }

    /// The model stored in `file` (format above).
    public static func model(from file: SafetensorsFile) throws(SafetensorsError) -> any RecurrentModel {
        let spec = try specification(of: file)
        func fail(_ kind: SafetensorsError.Kind, _ message: String) -> SafetensorsError {
            SafetensorsError(kind, source: file.source, message)
        }
        // The layout: a throwaway model of the recorded specification.
        let template: any RecurrentModel
        do {
            template = try spec.makeModel(seed: 0)
        } catch {
            throw fail(.invalidMetadata, "the metadata does not describe a valid model: \(error)")
        }
        let groups = template.parameterGroups
        let known = Set(groups.map(\.name))
        if let extra = file.names.first(where: { !known.contains($0) }) {
            throw fail(
                .unexpectedTensor,
                "tensor \"\(extra)\" is not a parameter of a \(spec.architecture) model with these sizes (expected \(groups.map(\.name).joined(separator: ", ")))"
            )
        }
        var parameters: [Double] = []
        parameters.reserveCapacity(template.parameterCount)
        for g in groups {
            parameters.append(contentsOf: try file.tensor(named: g.name, shape: g.shape).columnMajorValues)
        }
        if let count = file.metadata["parameter_count"], count != String(parameters.count) {
            throw fail(
                .invalidMetadata, "metadata parameter_count = \(count) but the tensors hold \(parameters.count) values")
        }
        if let recorded = file.metadata["parameter_checksum"] {
            let actual = checksum(parameters)
            guard recorded == actual else {
                throw fail(
                    .invalidValue,
                    "parameter checksum \(actual) does not match the recorded \(recorded) (file corrupted or edited)")
            }
        }
        do {
            return try spec.makeModel(parameters: parameters)
        } catch {
            throw fail(.invalidValue, "the parameters do not form a valid \(spec.architecture) model: \(error)")
        }
    }

    /// Read the rnnmem weights file at `path`.
    public static func model(contentsOf path: String) throws(SafetensorsError) -> any RecurrentModel {
        try model(from: try SafetensorsFile.read(contentsOf: path))
    }
}

extension ModelIO {
    /// A vector in the layout of `groups` (a parameter vector, a gradient, an HVP, an eigenvector of the Hessian)
    /// as one tensor per group, named `<prefix><group name>`, with the group's shape in C order — the layout of
    /// weights files, so that such tensors open in numpy or PyTorch like the weights themselves.
    /// - Throws: ``RecurrentError`` when `vector` does not have the groups' total length.
    public static func tensors(
        of vector: [Double], groups: [ParameterGroup], prefix: String = "",
        dtype: SafetensorsDType = .f64
    ) throws -> [String: SafetensorsTensor] {
        let count = groups.reduce(0) { max($0, $1.range.upperBound) }
        guard vector.count == count else {
            throw RecurrentError.shapeMismatch(
                argument: "vector", expected: "\(count) values (the parameter groups)",
                got: "\(vector.count)")
        }
        var out: [String: SafetensorsTensor] = [:]
        for g in groups {
            out[prefix + g.name] = try SafetensorsTensor(
                columnMajor: Array(vector[g.range]), shape: g.shape, dtype: dtype)
        }
        return out
    }

    /// The inverse of ``tensors(of:groups:prefix:dtype:)``: a vector in the layout of `groups` from the tensors
    /// `<prefix><group name>` of `file` (each with its group's shape, finite values).
    ///
    /// Without a prefix every tensor must be a group (a weights file of the same model qualifies); with one,
    /// tensors not starting with it are ignored. With `missingGroupsAreZero`, absent groups are zero (e.g. a
    /// direction that moves only `layer0.W_hh`); otherwise they are an error.
    /// - Throws: ``SafetensorsError`` naming the file and the tensor (`.unexpectedTensor`, `.missingTensor`,
    ///   `.wrongShape`, `.invalidValue`).
    public static func vector(
        from file: SafetensorsFile, groups: [ParameterGroup], prefix: String = "",
        missingGroupsAreZero: Bool = false
    ) throws(SafetensorsError) -> [Double] {
        let byName = Dictionary(groups.map { (prefix + $0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in file.names where byName[name] == nil && name.hasPrefix(prefix) {
            throw SafetensorsError(
                .unexpectedTensor, source: file.source,
                "tensor \"\(name)\" is not a parameter group of the network (groups: \(groups.map { prefix + $0.name }.joined(separator: ", ")))"
            )
        }
        let count = groups.reduce(0) { max($0, $1.range.upperBound) }
        var vector = [Double](repeating: 0, count: count)
        var found = 0
        for g in groups {
            let name = prefix + g.name
            guard file.tensors[name] != nil else {
                if missingGroupsAreZero { continue }
                throw SafetensorsError(
                    .missingTensor, source: file.source,
                    "no tensor \"\(name)\" (parameter group \(g.name), shape \(SafetensorsTensor.shapeText(g.shape)))")
            }
            let t = try file.tensor(named: name, shape: g.shape)
            vector.replaceSubrange(g.range, with: t.columnMajorValues)
            found += 1
        }
        guard found > 0 else {
            throw SafetensorsError(
                .missingTensor, source: file.source,
                "no tensor is named after a parameter group\(prefix.isEmpty ? "" : " with prefix \"\(prefix)\"") (expected e.g. \"\(prefix)\(groups.first?.name ?? "")\"; the file has \(file.names.prefix(8).joined(separator: ", ")))"
            )
        }
        return vector
    }
}
