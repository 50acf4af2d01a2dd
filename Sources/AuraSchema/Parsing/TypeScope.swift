/// The names a schema declares, and protobuf's rules for finding the one a reference means.
struct TypeScope {
    enum Kind { case message, enumeration }

    /// Every message and enum by full name.
    private(set) var types: [String: Kind] = [:]
    /// Every name that can start a reference: types, and the package and its prefixes.
    private var symbols: Set<String> = []

    /// Declares the package: `a.b.c` makes `a`, `a.b` and `a.b.c` symbols.
    mutating func declare(package: String) {
        var prefix = ""
        for part in package.split(separator: ".") {
            prefix = prefix.isEmpty ? String(part) : prefix + "." + part
            symbols.insert(prefix)
        }
    }

    /// Declares a type; returns false when the name is taken.
    mutating func declare(_ fullName: String, as kind: Kind) -> Bool {
        guard !symbols.contains(fullName) else { return false }
        types[fullName] = kind
        symbols.insert(fullName)
        return true
    }

    /// Resolves `reference` as written inside `scope` (a message's or the package's full name).
    ///
    /// A leading dot means a full name. Otherwise, as in protoc, the reference's first part is
    /// looked up in `scope`, then in each enclosing scope outwards; the first scope where that
    /// part exists decides, and the rest of the reference must then be found inside it.
    func resolve(_ reference: String, in scope: String) -> (fullName: String, kind: Kind)? {
        if reference.hasPrefix(".") {
            let fullName = String(reference.dropFirst())
            return types[fullName].map { (fullName, $0) }
        }
        let first = reference.split(separator: ".", maxSplits: 1).first.map(String.init) ?? reference
        var scope = Substring(scope)
        while true {
            let prefix = scope.isEmpty ? "" : scope + "."
            if symbols.contains(prefix + first) {
                let fullName = prefix + reference
                return types[fullName].map { (fullName, $0) }
            }
            guard !scope.isEmpty else { return nil }
            scope = scope.lastIndex(of: ".").map { scope[..<$0] } ?? ""
        }
    }
}
