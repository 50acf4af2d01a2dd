import AuraBytes
import AuraCore
import AuraCrypto
import AuraPosix
import CAuraPlugin
import Glibc

/// Opens plugin files and checks them before trusting them: a complete ELF shared library for
/// this machine (checked before `dlopen`, which trusts the headers), exporting the entry symbol,
/// built for our ABI major version, with a descriptor whose `struct_size` covers the required
/// fields, non-NULL `create` and `destroy`, a known kind with the functions that kind needs, a
/// semantic version, and a `create` that accepts the config. Every refusal is an `RPCError` with
/// a clear message; nothing a bad file does takes the host down short of crashing inside the
/// plugin's own code.
public struct PluginLoader: Sendable {
    /// The largest plugin file read (256 MiB): the file is read whole, checked and hashed.
    public static let maxFileSize = 256 << 20
    /// Where loaded copies go: each file is copied to a unique path before `dlopen`, because
    /// glibc returns the already-loaded code for a path it has open (a rebuilt .so at the same
    /// path would otherwise not load).
    public let runDirectory: String
    /// How the plugin loaded from a path runs its calls: on workers, or inline for plugins the
    /// server trusts never to block (its own built-in ones).
    public let limits: @Sendable (_ path: String) -> PluginLimits
    /// How plugins loaded with process isolation run; nil: such loads are refused.
    public let workers: WorkerOptions?
    let counter = Counter()

    /// Creates a loader that stages copies in `runDirectory` (created if missing; a folder that
    /// cannot be created makes every load fail with the reason), runs process-isolated plugins
    /// as `workers` says, and gives each plugin the limits `limits` picks for its path (by
    /// default, two workers and a queue of 1,024).
    public init(
        runDirectory: String, workers: WorkerOptions? = nil,
        limits: @escaping @Sendable (_ path: String) -> PluginLimits = { _ in PluginLimits() }
    ) {
        self.runDirectory = runDirectory
        self.workers = workers
        self.limits = limits
        try? Files.createDirectories(runDirectory)
    }

    /// Loads the plugin at `path` and creates an instance with `config` (a JSON object; empty
    /// means the plugin's defaults).
    public func load(path: String, config: String = "") throws(RPCError) -> Plugin {
        try load(try read(path), config: config)
    }

    /// Reads the file at `path` whole and checks its ELF headers; nothing of it runs yet.
    public func read(_ path: String) throws(RPCError) -> PluginFile {
        let bytes: [UInt8]
        do throws(SystemError) {
            try Files.checkReadable(path)
            guard let read = try Files.read(path, limit: Self.maxFileSize) else { throw SystemError(call: "open", errno: ENOENT) }
            bytes = read
        } catch where error.errno == EFBIG {
            throw RPCError(.invalidArgument, "plugin file \(path) is larger than \(Self.maxFileSize >> 20) MiB")
        } catch {
            throw RPCError(.notFound, "plugin file \(path) cannot be read: \(error.reason)")
        }
        let check = bytes.withUnsafeBytes { raw in Result { () throws(ELFCheck.Refusal) in try ELFCheck.check(raw) } }
        if case .failure(let refusal) = check {
            throw RPCError(.invalidArgument, "\(path) is not a loadable plugin: \(refusal.description) (refused before loading)")
        }
        return PluginFile(path: path, bytes: bytes)
    }

    /// Maps a checked file and creates an instance with `config`; `inline` runs its single
    /// calls on the caller's thread whatever `limits` says for its path.
    public func load(_ file: PluginFile, config: String = "", inline: Bool = false) throws(RPCError) -> Plugin {
        let path = file.path
        let generation = counter.next()
        let staged = "\(runDirectory)/\(generation)-\(System.processID)-\(path.split(separator: "/").last ?? "plugin")"
        do {
            try Files.write(file.bytes, to: staged, mode: 0o700, synchronize: false)  // removed once mapped
        } catch {
            throw RPCError(.internal, "cannot stage \(path) at \(staged): \(error)")
        }
        defer { try? Files.remove(staged) }  // the mapping stays; the name is not needed once loaded
        let library: DynamicLibrary
        do throws(DynamicLibraryError) {
            library = try DynamicLibrary(path: staged)
        } catch {
            throw RPCError(.invalidArgument, "\(path) is not a loadable plugin: \(Self.explain(error.reason, staged: staged, path: path))")
        }
        guard let entry = library.address(of: AURA_PLUGIN_ENTRY_SYMBOL) else {
            throw RPCError(.invalidArgument, "\(path) is not an AuraStream plugin: it does not export \(AURA_PLUGIN_ENTRY_SYMBOL)")
        }
        let entryFunction = unsafeBitCast(entry, to: aura_plugin_entry_fn.self)
        guard let raw = entryFunction() else {
            throw RPCError(.invalidArgument, "\(path): \(AURA_PLUGIN_ENTRY_SYMBOL) returned no descriptor")
        }
        let major = UnsafeRawPointer(raw).load(as: UInt32.self)  // offset 0, before trusting the layout
        guard major == AURA_PLUGIN_ABI_MAJOR else {
            throw RPCError(.failedPrecondition, "\(path) was built for plugin ABI \(major).x; this server speaks \(AURA_PLUGIN_ABI_MAJOR).\(AURA_PLUGIN_ABI_MINOR)")
        }
        let descriptor = try PluginDescriptor(UnsafeRawPointer(raw), path: path)
        var info = try Self.info(descriptor, path: path)
        info.sha256 = file.sha256
        var limits = limits(file.path)
        if inline { limits.runsInline = true }
        info.isolation = limits.runsInline ? .inline : .inProcess
        try Self.checkFunctions(descriptor.functions, info: info)
        var createError = ""
        let instance: OpaquePointer? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { error in
            error[0] = 0
            let created = config.withCString { descriptor.functions.create(config.isEmpty ? nil : $0, strlen($0), error.baseAddress!, 256) }
            if created == nil {
                error[255] = 0
                createError = String(cString: error.baseAddress!)
            }
            return created
        }
        guard let instance else {
            throw RPCError(.invalidArgument, "\(info.id) refused its config: \(createError.isEmpty ? "no reason given" : createError)")
        }
        return Plugin(
            info: info, generation: generation,
            instance: LibraryInstance(info: info, library: library, functions: descriptor.functions, instance: instance),
            limits: limits)
    }

    private static func info(_ descriptor: PluginDescriptor, path: String) throws(RPCError) -> PluginInfo {
        guard let kind = PluginKind(rawValue: descriptor.kind) else {
            throw RPCError(.invalidArgument, "\(path): unknown plugin kind \(descriptor.kind); expected 1 (analyzer) or 2 (redactor)")
        }
        guard let name = descriptor.name, !name.isEmpty, let version = descriptor.version, !version.isEmpty else {
            throw RPCError(.invalidArgument, "\(path): the descriptor has no name or version")
        }
        guard SemanticVersion(version) != nil else {
            throw RPCError(.invalidArgument, "\(path): version \"\(version)\" of \(name) is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], e.g. 1.2.0)")
        }
        return PluginInfo(
            kind: kind, name: name, version: version,
            languages: (descriptor.languages ?? "").split(separator: ",").map { $0.trimmingSpaces() }, path: path,
            abi: "\(AURA_PLUGIN_ABI_MAJOR).\(descriptor.abiMinor)")
    }

    private static func checkFunctions(_ functions: PluginFunctions, info: PluginInfo) throws(RPCError) {
        let missing: String?
        switch info.kind {
        case .analyzer: missing = functions.analyze == nil ? "analyze" : nil
        case .redactor: missing = functions.detect == nil ? "detect" : functions.freeEntities == nil ? "free_entities" : nil
        }
        if let missing {
            throw RPCError(.invalidArgument, "\(info.id) is a \(info.kind.name) without a \(missing) function")
        }
    }

    /// Turns dlerror's text into what the operator needs to know.
    private static func explain(_ reason: String, staged: String, path: String) -> String {
        let text = reason.replacing(every: staged, with: path)
        if text.contains(substring: "invalid ELF header") || text.contains(substring: "file too short") { return "not an ELF shared library (\(text))" }
        if text.contains(substring: "wrong ELF class") { return "built for another architecture (\(text))" }
        if text.contains(substring: "position-independent executable") { return "an executable, not a shared library (\(text))" }
        return text
    }

}

/// A plugin file read whole and checked, not yet mapped: what is hashed is what is loaded.
public struct PluginFile: Sendable {
    /// Where it was read from.
    public let path: String
    /// Its bytes.
    public let bytes: [UInt8]
    /// The SHA-256 of `bytes`, in hex.
    public let sha256: String

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        sha256 = Crypto.sha256(bytes).description
    }
}

/// A thread-safe counter for unique staging names.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func next() -> Int { value.add(1, ordering: .relaxed).newValue }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

import Synchronization
