// Built for libFuzzer (`.ci/fuzz.sh` adds `-sanitize=fuzzer -D BYLINE_LIBFUZZER`), the program's entry point
// hands control to libFuzzer's driver. SwiftPM links every executable through its own renamed `main`, so
// libFuzzer's `main` cannot be used; `LLVMFuzzerRunDriver` is libFuzzer's documented way around that.
#if BYLINE_LIBFUZZER
#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer over `LLVMFuzzerTestOneInput` with the command line's libFuzzer flags and corpus folders.
@main
struct FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) })
    }
}
#endif
