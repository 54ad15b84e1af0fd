import Foundation
import Sweeps
import Testing
import _TestSupport

@Suite("Slurm job-array scripts")
struct SlurmScriptTests {
    func script(
        shards: Int = 4, partition: String? = "debug", time: String? = "00:10:00", cpus: Int = 2, jobs: Int? = nil,
        extra: [String] = ["--mem=1G"], output: String = "/scratch/out", workdir: String = "/home/me"
    ) throws -> SlurmScript {
        try SlurmScript(
            configuration: try Fixtures.configuration(), configPath: "/home/me/grid.json",
            outputDirectory: SweepDirectory(path: output), rnnmemPath: "/opt/rnnmem/bin/rnnmem",
            workingDirectory: workdir,
            shards: shards, partition: partition, time: time, cpus: cpus, jobs: jobs, extraOptions: extra)
    }

    @Test("Directives and the run line")
    func text() throws {
        let s = try script(output: "/scratch/out")
        let lines = s.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "#!/bin/bash")
        #expect(lines.contains("#SBATCH --array=0-3"))
        #expect(lines.contains("#SBATCH --job-name=rnnmem-fake"))
        #expect(lines.contains("#SBATCH --cpus-per-task=2"))
        #expect(lines.contains("#SBATCH --partition=debug"))
        #expect(lines.contains("#SBATCH --time=00:10:00"))
        #expect(lines.contains("#SBATCH --mem=1G"))
        #expect(lines.contains("#SBATCH --output=/scratch/out/logs/slurm-%A_%a.out"))
        #expect(lines.contains("cd /home/me"))
        #expect(
            lines.last
                == #"exec /opt/rnnmem/bin/rnnmem sweep run /home/me/grid.json --shard "${SLURM_ARRAY_TASK_ID}/4" --jobs 2 --output-dir /scratch/out"#
        )
        // Every #SBATCH line comes before the first command (sbatch stops reading directives there).
        let firstCommand = try #require(lines.firstIndex { !$0.hasPrefix("#") })
        #expect(lines[firstCommand...].allSatisfy { !$0.hasPrefix("#SBATCH") })
        #expect(s.cellsPerShard == [3, 3, 3, 3])
        #expect(try script(shards: 5).cellsPerShard == [3, 3, 2, 2, 2])
    }

    @Test(
        "Invalid options are refused, naming the argument",
        arguments: [
            ("shards", "invalid --shards 0: must be ≥ 1"),
            ("shards13", "invalid --shards 13: the sweep 'fake' has only 12 cells"),
            ("partition", "invalid --partition 'de bug'"),
            ("time", "invalid --time '10 min'"),
            ("time2", "invalid --time '1-2-3'"),
            ("cpus", "invalid --cpus 0"),
            ("jobs", "invalid --jobs 0"),
            ("sbatch", "invalid --sbatch '--array=0-9': --array is set by rnnmem sweep slurm itself"),
            ("sbatch2", "invalid --sbatch 'mem=1G'"),
            ("output", "contains a space, line break or backslash"),
        ])
    func invalid(_ which: String, _ fragment: String) {
        let error = #expect(throws: SweepError.self) {
            switch which {
            case "shards": _ = try script(shards: 0)
            case "shards13": _ = try script(shards: 13)
            case "partition": _ = try script(partition: "de bug")
            case "time": _ = try script(time: "10 min")
            case "time2": _ = try script(time: "1-2-3")
            case "cpus": _ = try script(cpus: 0)
            case "jobs": _ = try script(jobs: 0)
            case "sbatch": _ = try script(extra: ["--array=0-9"])
            case "sbatch2": _ = try script(extra: ["mem=1G"])
            default: _ = try script(output: "/scratch/out dir's")
            }
        }
        #expect(error?.description.contains(fragment) == true, "\(error?.description ?? "")")
    }

    @Test("Valid time limits", arguments: ["30", "30:00", "2:00:00", "1-12", "1-12:30", "1-12:30:00", "UNLIMITED"])
    func validTimes(_ time: String) throws {
        _ = try script(time: time, output: "/o")
    }

    @Test("The script runs the right shard: executed by bash with a stand-in rnnmem that records its arguments")
    func executes() throws {
        let folder = try Fixtures.folder()
        let work = folder + "/work dir's"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let fake = folder + "/fake-rnnmem"
        try Data("#!/bin/sh\npwd > \"$0.pwd\"\nprintf '%s\\n' \"$@\" > \"$0.args\"\n".utf8).write(
            to: URL(fileURLWithPath: fake))
        #expect(chmod(fake, 0o755) == 0)
        let s = try SlurmScript(
            configuration: try Fixtures.configuration(), configPath: folder + "/my grid.json",
            outputDirectory: SweepDirectory(path: folder + "/out"), rnnmemPath: fake, workingDirectory: work, shards: 3)
        let file = folder + "/job.sh"
        try s.write(to: file)
        #expect(FileManager.default.isExecutableFile(atPath: file))
        let result = try TestSupport.run(
            URL(fileURLWithPath: "/bin/bash"), [file], environment: ["SLURM_ARRAY_TASK_ID": "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let arguments = try String(contentsOfFile: fake + ".args", encoding: .utf8).split(separator: "\n").map(
            String.init)
        #expect(
            arguments == [
                "sweep", "run", folder + "/my grid.json", "--shard", "2/3", "--jobs", "1", "--output-dir",
                folder + "/out",
            ])
        #expect(try String(contentsOfFile: fake + ".pwd", encoding: .utf8) == work + "\n")

        // Outside Slurm the script refuses to run.
        let outside = try TestSupport.run(
            URL(fileURLWithPath: "/bin/bash"), [file], environment: ["SLURM_ARRAY_TASK_ID": ""])
        #expect(outside.status != 0)
        #expect(outside.stderr.contains("submit this script with sbatch"))
    }

    @Test("Shell quoting reproduces every argument")
    func quoting() throws {
        #expect(ShellQuoting.quote("plain-path/file_1.json") == "plain-path/file_1.json")
        #expect(ShellQuoting.quote("") == "''")
        #expect(ShellQuoting.quote("it's here") == #"'it'\''s here'"#)
        let words = ["a b", "it's", "$HOME", "`x`", "\"q\"", "{cell_dir}", "*", "-n", "é"]
        let folder = try Fixtures.folder()
        let file = folder + "/echo.sh"
        try Data("printf '%s\\n' \(ShellQuoting.commandLine(words))\n".utf8).write(to: URL(fileURLWithPath: file))
        let result = try TestSupport.run(URL(fileURLWithPath: "/bin/sh"), [file])
        #expect(result.stdout == words.joined(separator: "\n") + "\n")
    }
}
