// Teacher–student training runs of the curse-of-memory benchmark (Benchmarks/run-curse.sh, peer
// peers/python/curse_bench.py): a whole training run of a dense linear RNN or an LRU student (hidden width n) on
// linear-system identification (Zucchet & Orvieto 2024, NeurIPS): teacher size 10, ν₀ = 0.9, T = 200, batch 32,
// 2000 Adam updates with the warm-up–cosine schedule (peak 1e-3 for the dense student, 1e-2 for the LRU), fresh
// N(0, 1) batches every update, loss ½·MSE. The timed work is rnnmem's StudentTraining.run (the same loop as
// `rnnmem train --task lsi` and `rnnmem curse teacher-student`), data generation and the teacher's forward pass
// included. `--check-curse DIR` writes what the peer needs to reproduce the first updates exactly.
import Foundation
import RNNMemory

enum CurseWorkloads {
    struct Setting {
        var hidden: Int
        var steps: Int
        var length: Int
        var batch: Int
        static let teacherSize = 10
        static let minimumModulus = 0.9
        static let seed: UInt64 = 7

        static func learningRate(_ model: String) -> Double { model == "linear" ? 1e-3 : 1e-2 }

        func task() throws -> LinearSystemIdentificationTask {
            try LinearSystemIdentificationTask(
                configuration: LinearSystemIdentificationConfiguration(
                    teacherSize: Self.teacherSize, minimumModulus: Self.minimumModulus, sequenceLength: length,
                    batchSize: batch, evaluationBatchSize: 0),
                seed: RunSeeds(Self.seed).task)
        }

        func student(_ model: String) throws -> any RecurrentModel {
            let architecture: Architecture = model == "linear" ? .linearRNN : .lru
            let spec = try ModelSpecification(
                architecture: architecture, inputSize: 1, hiddenSize: hidden, outputSize: 1
            )
            .protocolInitialization(
                for: .linearSystemIdentification(
                    teacherSize: Self.teacherSize, minimumModulus: Self.minimumModulus, sequenceLength: length,
                    batchSize: batch))
            return try spec.makeModel(seed: RunSeeds(Self.seed).model)
        }

        func run(_ model: String, steps: Int? = nil) throws -> StudentTrainingResult {
            let configuration = StudentTraining.Configuration(
                steps: steps ?? self.steps, learningRate: Self.learningRate(model), seed: RunSeeds(Self.seed).trainer)
            return try StudentTraining.run(model: try student(model), task: try task(), configuration: configuration)
        }
    }

    static func make(_ s: Setting) -> [String: ([Double]) throws -> Double] {
        var w: [String: ([Double]) throws -> Double] = [:]
        for model in ["linear", "lru"] {
            w["curse_\(model)"] = { _ in
                let r = try s.run(model)
                guard !r.diverged, r.steps == s.steps else {
                    throw RecurrentError.invalidArgument(argument: "curse_\(model)", message: "the run diverged")
                }
                return r.trainingLosses.reduce(0, +)
            }
        }
        return w
    }

    /// DIR/curse_<model>_{teacher,student,inputs,losses}.npy and DIR/curse_settings.txt: the teacher's parameters
    /// (A, B, C, D column-major), the student's initial parameters (rnnmem's layout), the inputs of the first
    /// `updates` training batches [updates, T, B] and rnnmem's training losses of all updates.
    static func writeCheck(_ s: Setting, directory: String, updates: Int) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func save(_ name: String, _ values: [Double], _ shape: [Int]) throws {
            try NumPyArray(SafetensorsTensor(shape: shape, values: values)).write(to: "\(directory)/\(name).npy")
        }
        let task = try s.task()
        try save("curse_teacher", task.teacher.parameters, [task.teacher.parameterCount])
        var rng = SeededRandom(seed: RunSeeds(Setting.seed).trainer)
        var inputs: [Double] = []
        for k in 0..<updates { inputs += try task.trainingBatch(step: k, using: &rng).inputs.values }
        try save("curse_inputs", inputs, [updates, s.length, s.batch])
        for model in ["linear", "lru"] {
            try save("curse_\(model)_student", try s.student(model).parameters, [try s.student(model).parameterCount])
            let r = try s.run(model)
            try save("curse_\(model)_losses", r.trainingLosses, [r.steps])
        }
        let settings =
            "hidden \(s.hidden)\nsteps \(s.steps)\nlength \(s.length)\nbatch \(s.batch)\nteacher_size \(Setting.teacherSize)\nmin_modulus \(Setting.minimumModulus)\nlr_linear \(Setting.learningRate("linear"))\nlr_lru \(Setting.learningRate("lru"))\nupdates \(updates)\n"
        try settings.write(toFile: "\(directory)/curse_settings.txt", atomically: true, encoding: .utf8)
    }
}
