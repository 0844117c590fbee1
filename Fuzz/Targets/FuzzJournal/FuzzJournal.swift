import EarthBox

/// libFuzzer entry point (built only by scripts/fuzz.sh: EARTHBOX_FUZZ=1 swift build --sanitize=fuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run("journal", size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
