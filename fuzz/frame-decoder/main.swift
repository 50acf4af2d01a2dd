// libFuzzer harness for `FrameDecoderTarget` (Sources/AuraFuzzTargets). Built and run by fuzz/run.
import AuraFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
        try FrameDecoderTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    } catch {
        fatalError("FrameDecoderTarget: \(error)")
    }
    return 0
}
