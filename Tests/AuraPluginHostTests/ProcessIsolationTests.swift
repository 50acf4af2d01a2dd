import AuraPluginHost
import AuraWire
import Synchronization
import TestSupport
import Testing

/// Process isolation with fixture plugins that crash, exit, hang and leak: each ends only its
/// worker, callers see UNAVAILABLE, the worker comes back, and repeated crashes quarantine.
@Suite struct ProcessIsolationTests {
    let fixtures: PluginFixtures
    let watch = WorkerWatch()

    init() throws { fixtures = try PluginFixtures() }

    private func loader(_ adjust: (inout WorkerOptions) -> Void = { _ in }) throws -> PluginLoader {
        var options = watch.options(executablePath: try Binaries.path(of: "aura-plugin-worker"))
        options.restartBackoff = .zero
        adjust(&options)
        return PluginLoader(runDirectory: fixtures.directory + "/run", workers: options)
    }

    private func expectUnavailable(_ plugin: Plugin, _ text: String, mentioning word: String) {
        let error = #expect(throws: RPCError.self) { _ = try plugin.analyze(text) }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains(word) == true, "\(error?.message ?? "")")
    }

    @Test func answersAsTheSamePluginInProcessDoes() throws {
        let loader = try loader()
        let path = try fixtures.analyzer(version: "1.0.0", label: 1)
        let isolated = try loader.load(path: path, isolation: .process)
        let local = try loader.load(path: path, isolation: .inProcess)
        #expect(isolated.info.isolation == .process && local.info.isolation == .inProcess)
        #expect(isolated.info.id == local.info.id && isolated.info.path == path)
        #expect(try isolated.analyze("fine", languageHint: "en") == local.analyze("fine", languageHint: "en"))
        let isolatedError = #expect(throws: RPCError.self) { _ = try isolated.analyze("boom") }
        let localError = #expect(throws: RPCError.self) { _ = try local.analyze("boom") }
        #expect(isolatedError == localError && isolatedError?.code == .internal)

        let redactor = try fixtures.redactor()
        let text = "a secret and another secret ünd secret"
        #expect(try loader.load(path: redactor, isolation: .process).detect(text) == loader.load(path: redactor).detect(text))
    }

    @Test func loadRefusalsComeBackFromTheWorker() throws {
        let loader = try loader()
        let refusing = try fixtures.build("refusing", defines: ["FIXTURE_CREATE_FAILS": "1"])
        let isolated = #expect(throws: RPCError.self) { _ = try loader.load(path: refusing, isolation: .process) }
        let local = #expect(throws: RPCError.self) { _ = try loader.load(path: refusing) }
        #expect(isolated?.code == .invalidArgument && isolated?.message.hasPrefix(local?.message ?? "-") == true)
        let missing = #expect(throws: RPCError.self) { _ = try loader.load(path: fixtures.directory + "/none.so", isolation: .process) }
        #expect(missing?.code == .notFound)
        let noWorkers = #expect(throws: RPCError.self) {
            _ = try PluginLoader(runDirectory: fixtures.directory + "/run").load(path: refusing, isolation: .process)
        }
        #expect(noWorkers?.code == .failedPrecondition)
    }

    @Test func aSegfaultEndsOnlyTheWorkerWhichRestarts() async throws {
        let plugin = try loader().load(path: fixtures.misbehavingAnalyzer(version: "1.0.0"), isolation: .process)
        expectUnavailable(plugin, "crash now", mentioning: "SIGSEGV")
        try await watch.waitForStarts(2)
        #expect(plugin.stats.snapshot.crashes == 1, "the crash is counted in the plugin's stats")
        #expect(try plugin.analyze("fine").sentiment == .positive)
    }

    @Test func exitEndsOnlyTheWorkerWhichRestarts() async throws {
        let plugin = try loader().load(path: fixtures.misbehavingAnalyzer(version: "1.0.0"), isolation: .process)
        expectUnavailable(plugin, "exit now", mentioning: "exit status 3")
        try await watch.waitForStarts(2)
        #expect(try plugin.analyze("fine").sentiment == .positive)
    }

    /// Two calls hang: the watchdog kills the worker, both fail (the second may start only
    /// after the first ended the worker), and the next call works.
    @Test func hungCallsAreKilledByTheWatchdog() async throws {
        let plugin = try loader { $0.hangLimit = .milliseconds(200) }
            .load(path: fixtures.misbehavingAnalyzer(version: "1.0.0"), isolation: .process)
        let failures = try await withThrowingTaskGroup(of: RPCError?.self) { group in
            for _ in 0..<2 {
                group.addTask { #expect(throws: RPCError.self) { _ = try plugin.analyze("hang forever") } }
            }
            return try await group.reduce(into: [RPCError?]()) { $0.append($1) }
        }
        #expect(failures.allSatisfy { $0?.code == .unavailable }, "\(failures)")
        #expect(failures.contains { $0?.message.contains("a call ran past the hang limit of 0.2 seconds") == true }, "\(failures)")
        try await watch.waitForStarts(watch.died.count + 1)
        #expect(try plugin.analyze("fine").sentiment == .positive)
    }

    /// 32 MiB kept per call under a 256 MiB cap: the worker ends within a few calls, where an
    /// uncapped one would hold 1.25 GiB and answer all 40.
    @Test func aLeakIsCappedByTheMemoryLimit() async throws {
        let plugin = try loader { $0.memoryLimitBytes = 256 << 20 }
            .load(path: fixtures.misbehavingAnalyzer(version: "1.0.0"), isolation: .process)
        var failure: RPCError?
        for _ in 0..<40 where failure == nil {
            do {
                _ = try plugin.analyze("leak")
            } catch {
                failure = error
            }
        }
        #expect(failure?.code == .unavailable)
        #expect(failure?.message.contains("SIGABRT") == true, "\(failure?.message ?? "no failure")")
        try await watch.waitForStarts(2)
        #expect(try plugin.analyze("fine").sentiment == .positive)
    }

    /// v2 runs in a worker and crashes three times: it is quarantined (UNAVAILABLE in the
    /// list, with the signal), v1 is active again, and a log line names both.
    @Test func repeatedCrashesQuarantineAndRestoreThePreviousVersion() async throws {
        let registry = PluginRegistry(loader: try loader { $0.crashLimit = 3 })
        try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0))
        #expect(try registry.load(path: fixtures.misbehavingAnalyzer(version: "2.0.0", label: 1), isolation: .process).isActive)
        let v2 = try registry.plugin(.analyzer)
        #expect(try v2.analyze("fine").sentiment == .negative)
        for crash in 1...3 {
            try await watch.waitForStarts(crash)
            expectUnavailable(v2, "crash", mentioning: "SIGSEGV")
        }
        try await withTimeout(.seconds(120), "the quarantine") { [watch] in try await watch.quarantined.waitUntil(atLeast: 1) }
        let entries = registry.list()
        let quarantined = try #require(entries.first { $0.info.id == "fixture@2.0.0" })
        #expect(quarantined.unavailableReason?.contains("SIGSEGV") == true && !quarantined.isActive)
        #expect(entries.first { $0.info.id == "fixture@1.0.0" }?.isActive == true)
        #expect(try registry.plugin(.analyzer).analyze("fine").sentiment == .positive)
        expectUnavailable(v2, "fine", mentioning: "quarantined")
        #expect(watch.lines.contains { $0.contains("quarantined fixture@2.0.0") && $0.contains("SIGSEGV") && $0.contains("restored fixture@1.0.0") })
        #expect(watch.started.count == 3)
    }
}

/// Collects what workers report: events to wait on and log lines to check.
final class WorkerWatch: Sendable {
    let started = EventCounter()
    let died = EventCounter()
    let quarantined = EventCounter()
    private let logged = Mutex<[String]>([])

    var lines: [String] { logged.withLock { $0 } }

    /// Returns once `count` workers started; a bug that never restarts one fails the test.
    func waitForStarts(_ count: Int) async throws {
        try await withTimeout(.seconds(120), "\(count) worker starts") { [started] in try await started.waitUntil(atLeast: count) }
    }

    func options(executablePath: String) -> WorkerOptions {
        var options = WorkerOptions(executablePath: executablePath) { [self] line in logged.withLock { $0.append(line) } }
        options.observe = { [started, died, quarantined] event in
            switch event {
            case .started: started.increment()
            case .died: died.increment()
            case .quarantined: quarantined.increment()
            }
        }
        return options
    }
}
