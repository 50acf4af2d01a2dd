import AuraClient
import AuraMessages
import Foundation
import Synchronization

/// The crash proof of the job path: `aura-server` as a child process, several clients
/// streaming jobs into it, SIGKILLs at random moments during ingest, processing and
/// compaction, a restart on the same data directory after each; then every acknowledged job
/// must be there with its exact size and SHA-256, COMPLETED, with the results of a clean run.
///
/// Shared by the test suite (`AuraJobsCrashTests`, 30 kills) and `aura-bench crash`.
public struct CrashHarness: Sendable {
    /// How a run goes.
    public struct Configuration: Sendable {
        /// The `aura-server` binary (its default plugins next to it).
        public var serverBinary: String
        /// A folder of the run's own (documents, the clean and the crash data directories);
        /// removed after a run without violations, kept for a look otherwise.
        public var directory: String
        /// How many SIGKILLs.
        public var kills = 30
        /// How many clients submit at once, each on its own connection.
        public var clients = 4
        /// How many different documents they upload.
        public var documents = 9
        /// The documents' sizes in bytes (log-uniform in between).
        public var documentSizes = 4 << 10...300 << 10
        /// How long finished jobs stay before compaction may drop them: long enough for a
        /// client to check its job across restarts (a restart on a loaded 2-core machine took up
        /// to 12 s), short enough for compaction to happen within a run.
        public var retention: Duration = .seconds(30)
        /// The longest the remaining jobs may take to finish after the last kill.
        public var drainTimeout: Duration = .seconds(120)
        /// The generator of stream `n` of random choices (documents, one per client, kills).
        public var makeRandom: @Sendable (_ stream: UInt64) -> any RandomNumberGenerator
        /// Hears progress lines (one per kill).
        public var log: @Sendable (String) -> Void = { _ in }

        /// A run of `serverBinary` in `directory` with the default counts.
        public init(serverBinary: String, directory: String, makeRandom: @escaping @Sendable (UInt64) -> any RandomNumberGenerator) {
            self.serverBinary = serverBinary
            self.directory = directory
            self.makeRandom = makeRandom
        }
    }

    let configuration: Configuration

    /// A harness for `configuration`.
    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// The arguments of the crash server: small segments and a quick sweep, so that compaction
    /// happens within the run; no result cache, so every record is analysed each time.
    private var serverArguments: [String] {
        [
            "--loops", "1", "--job-workers", "2", "--cache-mb", "0", "--job-segment-mb", "1", "--job-sweep-interval", "1s",
            "--job-retention", "\(configuration.retention.components.seconds)s",
        ]
    }

    /// Runs the clean pass, then the kills, then waits for every acknowledged job; the report
    /// lists every violation found. Throws only when the run itself cannot go on (a document
    /// that cannot be written, a clean server that fails).
    public func run() async throws -> CrashReport {
        let fileManager = FileManager.default
        let documentsDirectory = configuration.directory + "/documents"
        try fileManager.createDirectory(atPath: documentsDirectory, withIntermediateDirectories: true)
        var dice = Dice(generator: configuration.makeRandom(0))
        let documents = try (0..<configuration.documents).map { index in
            try CrashDocument.make(index: index, in: documentsDirectory, sizes: configuration.documentSizes, random: &dice)
        }
        let clean = try await cleanResults(documents)
        configuration.log("clean run: \(documents.count) documents, \(clean.map(\.count).reduce(0, +)) records")
        let report = try await crashRun(documents, clean, dice: &dice)
        if report.violations.isEmpty {
            try? fileManager.removeItem(atPath: configuration.directory)
        } else {
            configuration.log("kept \(configuration.directory) for a look")
        }
        return report
    }

    /// Each document's results from a server that is never killed.
    private func cleanResults(_ documents: [CrashDocument]) async throws -> [[RecordResult]] {
        let server = try await ServerChild.start(
            binary: configuration.serverBinary, dataDirectory: configuration.directory + "/clean",
            arguments: ["--loops", "1", "--job-workers", "2", "--cache-mb", "0"])
        let client = AuraClient(address: server.address, configuration: server.clientConfiguration)
        let outcome: Result<[[RecordResult]], any Error>
        do {
            outcome = .success(try await collect(documents, from: client))
        } catch {
            outcome = .failure(HarnessError("the clean run failed: \(error)\n\(server.errorOutput())"))
        }
        await client.shutdown()
        await server.stop()
        return try outcome.get()
    }

    private func collect(_ documents: [CrashDocument], from client: AuraClient) async throws -> [[RecordResult]] {
        var jobIDs: [String] = []
        for document in documents {
            jobIDs.append(try await client.submit(document.spec, file: document.path).jobId)
        }
        var all: [[RecordResult]] = []
        for (document, jobID) in zip(documents, jobIDs) {
            var job = try await client.job(jobID)
            for try await update in try await client.watch(jobID) { job = update }
            guard job.state == .completed else {
                throw HarnessError("the clean run's job for document \(document.index) ended \(job.state): \(job.error)")
            }
            var results: [RecordResult] = []
            for try await result in try await client.results(jobID) { results.append(result) }
            all.append(results)
        }
        return all
    }

    private func crashRun(_ documents: [CrashDocument], _ clean: [[RecordResult]], dice: inout Dice) async throws -> CrashReport {
        let report = ReportBox(), trigger = KillTrigger(), slot = ServerSlot()
        let stopping = Flag()
        let dataDirectory = configuration.directory + "/crash"
        var server = try await startCrashServer(dataDirectory, trigger: trigger)
        await slot.up(makeClients(server))
        let clientCount = configuration.clients
        let clients = Task {
            await withDiscardingTaskGroup { group in
                for index in 0..<clientCount {
                    var client = CrashClient(
                        index: index, documents: documents, cleanResults: clean, slot: slot, trigger: trigger, report: report,
                        stopping: stopping, dice: Dice(generator: configuration.makeRandom(UInt64(index) + 1)))
                    group.addTask { await client.run() }
                }
            }
        }
        let began = ContinuousClock.now
        for kill in 1...max(1, configuration.kills) {
            try? await Task.sleep(for: dice.milliseconds(100...900))  // let the jobs move on between kills
            var phase = [KillPhase.ingest, .processing, .compaction][dice.int(in: 0...2)]
            if phase == .compaction, ContinuousClock.now - began < configuration.retention + .seconds(2) {
                phase = dice.chance(0.5) ? .ingest : .processing  // nothing is old enough to compact yet
            }
            let fired = await trigger.wait(for: phase, timeout: .seconds(phase == .compaction ? 5 : 3))
            if fired {
                try? await Task.sleep(for: dice.milliseconds(phase == .compaction ? 0...3 : 0...40))
            }
            let gone = await slot.down()
            await server.kill()
            for client in gone { await client.shutdown() }
            report.update { $0.kills[fired ? phase : .timer, default: 0] += 1 }
            do {
                server = try await startCrashServer(dataDirectory, trigger: trigger)
            } catch {
                report.violation("restart after kill \(kill) failed: \(error)")
                stopping.set()
                clients.cancel()
                await clients.value
                return report.current
            }
            report.update {
                $0.restarts += 1
                $0.recoveryMilliseconds.append(server.startupMilliseconds)
            }
            await slot.up(makeClients(server))
            configuration.log("kill \(kill) (\(fired ? phase.rawValue : "timer")): restarted in \(Int(server.startupMilliseconds)) ms")
        }
        stopping.set()
        let drained = await finishes(clients, within: configuration.drainTimeout)
        if !drained {
            report.violation("the clients' jobs did not all end within \(configuration.drainTimeout) after the last kill")
        }
        for client in await slot.down() { await client.shutdown() }
        if await !server.stop() { report.violation("the last server did not stop on SIGTERM") }
        if !report.current.violations.isEmpty { configuration.log("server stderr, last lines:\n\(server.errorOutput())") }
        return report.current
    }

    private func startCrashServer(_ dataDirectory: String, trigger: KillTrigger) async throws -> ServerChild {
        try await ServerChild.start(binary: configuration.serverBinary, dataDirectory: dataDirectory, arguments: serverArguments) { line in
            if line.contains("job log: removing") { trigger.fire(.compaction) }
        }
    }

    private func makeClients(_ server: ServerChild) -> [AuraClient] {
        (0..<configuration.clients).map { _ in AuraClient(address: server.address, configuration: server.clientConfiguration) }
    }

    /// Waits for `task`; false (and the task cancelled) when it takes longer than `timeout`.
    private func finishes(_ task: Task<Void, Never>, within timeout: Duration) async -> Bool {
        let finished = Flag()
        let timer = Task {
            try? await Task.sleep(for: timeout)  // a deadline, not a synchronization
            if !finished.isSet { task.cancel() }
        }
        await task.value
        let inTime = !task.isCancelled
        finished.set()
        timer.cancel()
        return inTime
    }
}
