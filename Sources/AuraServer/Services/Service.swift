import AuraWire

/// A named group of methods a server exposes, such as `aura.Health`.
public protocol Service: Sendable {
    /// The service's full name, e.g. "aura.Health".
    var name: String { get }
    /// Registers each method's handler.
    func register(into registry: inout MethodRegistry)
}
