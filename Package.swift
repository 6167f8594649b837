// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "StackKit",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "StackKit", targets: ["StackKit"]),
    .library(name: "StackKitAWS", targets: ["StackKitAWS"]),
    .library(name: "AWSClient", targets: ["AWSClient"]),
    .library(name: "StackToolkit", targets: ["StackToolkit"]),
    .executable(name: "stack", targets: ["stack"]),
    .executable(name: "stack-codegen", targets: ["stack-codegen"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // The system OpenSSL's libcrypto: MD5, SHA-256 and HMAC without swift-crypto's build cost.
    .systemLibrary(
      name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]),
    .target(
      name: "StackKit", dependencies: ["COpenSSL", .product(name: "Yams", package: "Yams")],
      swiftSettings: strict),
    .target(name: "StackKitAWS", dependencies: ["StackKit"], swiftSettings: strict),
    .target(name: "AWSClient", dependencies: ["COpenSSL"], swiftSettings: strict),
    .target(
      name: "StackToolkit", dependencies: ["StackKit", "AWSClient"], swiftSettings: strict),
    .executableTarget(
      name: "stack",
      dependencies: [
        "StackToolkit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    // The L1 generator's logic, shared by the executable and its tests.
    .target(name: "StackCodegen", dependencies: ["StackKit"], swiftSettings: strict),
    .executableTarget(
      name: "stack-codegen",
      dependencies: [
        "StackCodegen", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "stacks", dependencies: ["StackKitAWS"], path: "stacks", swiftSettings: strict),
    .executableTarget(
      name: "stack-bench", dependencies: ["StackKit"], path: "Benchmarks/stack-bench",
      swiftSettings: strict),
    // What several test targets share: the moto_server and redis-server launchers, free ports.
    .target(
      name: "TestSupport", dependencies: ["AWSClient"], path: "Tests/TestSupport",
      swiftSettings: strict),
    .testTarget(
      name: "StackKitTests", dependencies: ["StackKit"], resources: [.copy("Fixtures")],
      swiftSettings: strict),
    .testTarget(
      name: "StackKitAWSTests", dependencies: ["StackKitAWS", "stacks", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: strict),
    .testTarget(
      name: "AWSClientTests", dependencies: ["AWSClient", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: strict),
    .testTarget(
      name: "StackCodegenTests", dependencies: ["StackCodegen"], swiftSettings: strict),
    .testTarget(
      name: "StackToolkitTests", dependencies: ["StackToolkit", "StackKitAWS", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: strict),
  ]
)
