// swift-tools-version:6.0
import PackageDescription
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let package = Package(
    name: "EarthBox",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "EarthBox", targets: ["EarthBox"]),
        .executable(name: "earthbox", targets: ["earthbox"]),
        .executable(name: "earthbox-bench", targets: ["earthbox-bench"]),
        .executable(name: "mpi-smoke", targets: ["mpi-smoke"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `earthbox serve`: FlyingFox (Swift concurrency sockets, no SwiftNIO) adds ~12 s CPU to a clean debug build
        // here, against minutes for Hummingbird or Vapor (measured: docs/serve.md).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(name: "CNetCDF", path: "Sources/CNetCDF", pkgConfig: "netcdf", providers: [.apt(["libnetcdf-dev"])]),
        .systemLibrary(name: "CMPI", path: "Sources/CMPI", pkgConfig: "ompi-c", providers: [.apt(["libopenmpi-dev", "openmpi-bin"])]),
        .target(name: "EarthBoxMPI", dependencies: ["CMPI"]),
        // Signal-safe bookkeeping of temporary output files (C: a signal handler may only make async-signal-safe calls).
        .target(name: "CEarthBoxSupport"),
        .executableTarget(name: "mpi-smoke", dependencies: ["EarthBoxMPI"]),
        .target(
            name: "EarthBox",
            dependencies: ["CNetCDF", "CEarthBoxSupport"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        // The web simulator: its own library, so the model library never depends on a server.
        .target(
            name: "EarthBoxServer",
            dependencies: ["EarthBox", .product(name: "FlyingFox", package: "FlyingFox")],
            resources: [.copy("Web")]
        ),
        .executableTarget(
            name: "earthbox",
            dependencies: ["EarthBox", "EarthBoxMPI", "EarthBoxServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "earthbox-bench", dependencies: ["EarthBox"]),
        .testTarget(name: "EarthBoxTests", dependencies: ["EarthBox", "EarthBoxMPI", "EarthBoxServer"]),
    ]
)

// libFuzzer targets (Fuzz/Targets): executables without a main, whose entry point LLVMFuzzerTestOneInput libFuzzer
// calls. They link only with --sanitize=fuzzer, so they exist only when scripts/fuzz.sh sets EARTHBOX_FUZZ=1 (with
// its own scratch path, .build-fuzz); a plain `swift build` never sees them.
if getenv("EARTHBOX_FUZZ") != nil {
    for name in ["FuzzNamelist", "FuzzForcing", "FuzzIamc", "FuzzCheckpoint", "FuzzJournal"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["EarthBox"], path: "Fuzz/Targets/\(name)"))
    }
}
