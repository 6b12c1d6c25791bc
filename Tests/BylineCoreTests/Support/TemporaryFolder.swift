import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch folder for one test, removed again when the test ends; files are written by raw bytes so
/// tests can make names and contents that are not valid UTF-8.
final class TemporaryFolder {
    /// The folder's path, without a trailing slash.
    let path: String

    init(_ test: XCTestCase) throws {
        let template = NSTemporaryDirectory() + "byline-core-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let created = bytes.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: created)
        let path = self.path
        test.addTeardownBlock {
            // Restore permissions a test took away, or the removal itself fails.
            _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+rwx", path]).waitUntilExit()
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Writes `contents` at `relative` (creating folders on the way) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ contents: String) throws -> String {
        try write(relative, bytes: Array(contents.utf8))
    }

    /// Writes raw bytes at `relative` (creating folders on the way) and returns the full path.
    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Writes a file whose name is given as raw bytes inside the folder `relativeFolder`.
    func write(inFolder relativeFolder: String, rawName: [UInt8], _ contents: String) throws {
        let folder = path + "/" + relativeFolder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fullPath = Array(folder.utf8) + [UInt8(ascii: "/")] + rawName + [0]
        let stream = fullPath.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fopen($0.baseAddress!, "wb") }
        }
        guard let stream else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(stream) }
        let bytes = Array(contents.utf8)
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) }
    }

    /// Makes a folder at `relative`.
    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    /// Makes a symbolic link at `relative` pointing to `destination` (taken as written).
    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: destination)
    }

    /// Sets the permission bits of `relative`.
    func setPermissions(_ relative: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path + "/" + relative)
    }
}

/// Where the package and the shared material live, found from this source file.
enum PackagePaths {
    /// The package root (the folder holding Package.swift).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The bundled sample collection in the source tree.
    static var samples: String { root + "/Sources/byline/Samples" }

    /// `../shared` beside the package, read-only material for tests; nil when absent.
    static var shared: String? {
        let path = ((root as NSString).deletingLastPathComponent as NSString).appendingPathComponent("shared")
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue ? path : nil
    }
}
