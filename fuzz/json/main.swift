// libFuzzer harness for `JSONTarget` (Sources/AuraFuzzTargets). Built and run by fuzz/run.
import AuraFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try JSONTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
        fatalError("JSONTarget: \(error)")
    }
    return 0
}
