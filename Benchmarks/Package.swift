// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks live in their own package so their dependencies and release builds stay out of the
/// product (as swift-nio does). `make bench-parquet` builds this package in release mode.
let package = Package(
    name: "LagoaBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Lagoa", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "lagoa-bench",
            dependencies: [
                .product(name: "LagoaParquet", package: "Lagoa"),
                .product(name: "LagoaColumnar", package: "Lagoa"),
                .product(name: "LagoaCompression", package: "Lagoa"),
                .product(name: "LagoaIceberg", package: "Lagoa"),
                .product(name: "LagoaCatalogSQL", package: "Lagoa"),
                .product(name: "LagoaObjectStore", package: "Lagoa"),
                .product(name: "LagoaEngine", package: "Lagoa"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
