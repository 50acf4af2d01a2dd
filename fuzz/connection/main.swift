// libFuzzer harness for `ConnectionTarget` (Sources/AuraFuzzTargets). Built and run by fuzz/run.
import AuraFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try ConnectionTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
        fatalError("ConnectionTarget: \(error)")
    }
    return 0
}
