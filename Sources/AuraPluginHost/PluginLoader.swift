import AuraPosix
import AuraCore
import CAuraPlugin
import Glibc

/// Opens plugin files and checks them before trusting them: a shared library, exporting the
/// entry symbol, built for our ABI major version, of a known kind with the functions that kind
/// needs, whose `create` accepts the config. Every refusal is an `RPCError` with a clear message;
/// nothing a bad file does takes the host down short of crashing inside the plugin itself.
public struct PluginLoader: Sendable {
    /// Where loaded copies go: each file is copied to a unique path before `dlopen`, because
    /// glibc returns the already-loaded code for a path it has open (a rebuilt .so at the same
    /// path would otherwise not load).
    public let runDirectory: String
    /// How plugins loaded with process isolation run; nil: such loads are refused.
    public let workers: WorkerOptions?
    let counter = Counter()

    /// Creates a loader that stages copies in `runDirectory` (created if missing; a folder that
    /// cannot be created makes every load fail with the reason).
    public init(runDirectory: String, workers: WorkerOptions? = nil) {
        self.runDirectory = runDirectory
        self.workers = workers
        try? Files.createDirectories(runDirectory)
    }

    /// Loads the plugin at `path` and creates an instance with `config` (a JSON object; empty
    /// means the plugin's defaults).
    public func load(path: String, config: String = "") throws(RPCError) -> Plugin {
        do {
            try Files.checkReadable(path)
        } catch {
            throw RPCError(.notFound, "plugin file \(path) cannot be read: \(error.reason)")
        }
        let generation = counter.next()
        let staged = "\(runDirectory)/\(generation)-\(System.processID)-\(path.split(separator: "/").last ?? "plugin")"
        try copyFile(from: path, to: staged)
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
        let descriptor = raw.pointee
        guard descriptor.struct_size >= UInt32(MemoryLayout<aura_plugin_descriptor>.size) else {
            throw RPCError(.failedPrecondition, "\(path): descriptor of \(descriptor.struct_size) bytes is smaller than ABI \(AURA_PLUGIN_ABI_MAJOR).\(AURA_PLUGIN_ABI_MINOR) requires")
        }
        let info = try Self.info(descriptor, path: path)
        try Self.checkFunctions(descriptor, info: info)
        var createError = ""
        let instance: OpaquePointer? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { error in
            error[0] = 0
            let created = config.withCString { descriptor.create(config.isEmpty ? nil : $0, strlen($0), error.baseAddress!, 256) }
            if created == nil {
                error[255] = 0
                createError = String(cString: error.baseAddress!)
            }
            return created
        }
        guard let instance else {
            throw RPCError(.invalidArgument, "\(info.id) refused its config: \(createError.isEmpty ? "no reason given" : createError)")
        }
        return Plugin(info: info, generation: generation, instance: LibraryInstance(info: info, library: library, descriptor: raw, instance: instance))
    }

    private static func info(_ descriptor: aura_plugin_descriptor, path: String) throws(RPCError) -> PluginInfo {
        guard let kind = PluginKind(rawValue: descriptor.kind) else {
            throw RPCError(.invalidArgument, "\(path): unknown plugin kind \(descriptor.kind); expected 1 (analyzer) or 2 (redactor)")
        }
        guard let name = descriptor.name.map({ String(cString: $0) }), !name.isEmpty,
              let version = descriptor.version.map({ String(cString: $0) }), !version.isEmpty
        else { throw RPCError(.invalidArgument, "\(path): the descriptor has no name or version") }
        let languages = descriptor.languages.map { String(cString: $0) } ?? ""
        return PluginInfo(
            kind: kind, name: name, version: version,
            languages: languages.split(separator: ",").map { $0.trimmingSpaces() }, path: path,
            abi: "\(descriptor.abi_major).\(descriptor.abi_minor)")
    }

    private static func checkFunctions(_ descriptor: aura_plugin_descriptor, info: PluginInfo) throws(RPCError) {
        let missing: String?
        switch info.kind {
        case .analyzer: missing = descriptor.analyze == nil ? "analyze" : nil
        case .redactor: missing = descriptor.detect == nil ? "detect" : descriptor.free_entities == nil ? "free_entities" : nil
        }
        if let missing {
            throw RPCError(.invalidArgument, "\(info.id) is a \(info.kind.name) without a \(missing) function")
        }
    }

    /// Turns dlerror's text into what the operator needs to know.
    private static func explain(_ reason: String, staged: String, path: String) -> String {
        let text = reason.replacing(staged, with: path)
        if text.contains("invalid ELF header") || text.contains("file too short") { return "not an ELF shared library (\(text))" }
        if text.contains("wrong ELF class") { return "built for another architecture (\(text))" }
        if text.contains("position-independent executable") { return "an executable, not a shared library (\(text))" }
        return text
    }

    private func copyFile(from source: String, to destination: String) throws(RPCError) {
        do {
            try Files.copy(from: source, to: destination)
        } catch {
            throw RPCError(.internal, "cannot stage \(source) at \(destination): \(error)")
        }
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
