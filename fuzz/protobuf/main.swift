// libFuzzer harness for `ProtobufTarget` (Sources/AuraFuzzTargets). Built and run by fuzz/run.
import AuraFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try ProtobufTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
        fatalError("ProtobufTarget: \(error)")
    }
    return 0
}
