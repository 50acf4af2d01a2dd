import Foundation

/// Damaged copies of fixture plugins, for the loader's checks before `dlopen`.
extension PluginFixtures {
    /// A copy of the file at `source` cut to its first `length` bytes, named `name`.
    public func truncated(_ source: String, to length: Int, name: String) throws -> String {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        return try write(bytes.prefix(length), name: name)
    }

    /// A copy of the file at `source` with `patch` written over its bytes at `offset`.
    public func patched(_ source: String, at offset: Int, with patch: [UInt8], name: String) throws -> String {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        bytes.replaceSubrange(offset..<offset + patch.count, with: patch)
        return try write(bytes, name: name)
    }

    /// The little-endian bytes of `value`, for patches.
    public static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    private func write(_ bytes: Data, name: String) throws -> String {
        let path = "\(directory)/\(name)"
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }
}
