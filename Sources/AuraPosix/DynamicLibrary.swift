import Glibc

/// A shared library opened with `dlopen`.
///
/// Libraries are opened with `RTLD_NODELETE`: closing one never unmaps it, because the Swift
/// runtime keeps the type metadata of a Swift library registered and would crash on the next
/// dynamic cast if its pages went away (seen: SIGSEGV in swift_conformsToProtocol after a
/// `dlclose`; docs/PLUGINS.md).
public final class DynamicLibrary: @unchecked Sendable {  // immutable handle; dlsym/dlclose are thread-safe
    /// The path it was opened from.
    public let path: String
    private let handle: UnsafeMutableRawPointer

    /// Opens the library at `path`, resolving every symbol now. Throws with `dlerror`'s text.
    public init(path: String) throws(DynamicLibraryError) {
        self.path = path
        _ = dlerror()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) else {
            throw DynamicLibraryError(path: path, reason: Self.lastError())
        }
        self.handle = handle
    }

    /// The address of `symbol`, or nil when the library does not export it.
    public func address(of symbol: String) -> UnsafeMutableRawPointer? {
        _ = dlerror()
        return dlsym(handle, symbol)
    }

    deinit { dlclose(handle) }

    private static func lastError() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
    }
}

/// A library that could not be opened, with the loader's reason.
public struct DynamicLibraryError: Error, CustomStringConvertible, Sendable {
    /// The library's path.
    public let path: String
    /// What `dlerror` said.
    public let reason: String

    public var description: String { reason }
}
