/// One fuzzing entry point: takes any bytes and checks the code under test keeps its promises.
///
/// libFuzzer drives it through a harness in `fuzz/<name>/main.swift`; `AuraFuzzTargetsTests`
/// replays the checked-in corpus and regressions through the same `run`.
public protocol FuzzTarget: Sendable {
    /// The target's name: its folder under `fuzz/` and `fuzz/corpus/`.
    static var name: String { get }
    /// Runs one input. Throws when the code under test broke an invariant; a crash or a trap
    /// in the code is a finding too.
    static func run(_ input: UnsafeRawBufferPointer) throws(FuzzFailure)
}

/// An invariant the code under test broke for some input.
public struct FuzzFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// A failure described by `description`.
    public init(_ description: String) { self.description = description }
}

/// Throws a `FuzzFailure` saying `message` unless `condition` holds.
@inline(__always)
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzFailure) {
    if !condition { throw FuzzFailure(message()) }
}

/// Every fuzz target, for the harnesses and the replay tests.
public enum FuzzTargets {
    /// The targets by name.
    public static let all: [any FuzzTarget.Type] = [
        FrameDecoderTarget.self, ConnectionTarget.self, ProtobufTarget.self, JSONTarget.self, DocumentTarget.self,
    ]
}
