// libFuzzer harness for `DocumentTarget` (Sources/AuraFuzzTargets). Built and run by fuzz/run.
import AuraFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try DocumentTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
        fatalError("DocumentTarget: \(error)")
    }
    return 0
}
