import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A temporary folder of hostile article files (and hostile file names) for end-to-end runs, written by raw
/// bytes so names and contents can be anything.
struct HostileFolder {
    let url: URL
    var path: String { url.path }

    /// Files whose text tries every terminal trick the issue names, plus the files loading must skip or flag.
    static func make() throws -> HostileFolder {
        let folder = try HostileFolder()
        let body = (1...5).map { "The harbour board met again on Tuesday to talk about the ferry, paragraph \($0) of a long enough story." }
        func story(_ title: String, _ middle: String) -> [UInt8] {
            Array((title + "\n\n" + body[0] + "\n\n" + middle + "\n\n" + body[1...].joined(separator: "\n\n") + "\n").utf8)
        }
        try folder.write("colours.example/sgr.txt", bytes: story("Colours \u{1B}[38;5;201mMAGENTA\u{1B}[48;5;46m GREEN \u{1B}[38;2;1;2;3mTRUE\u{1B}[0m end",
            "Red \u{1B}[31mtext\u{1B}[0m and \u{1B}[1;5;7mblink\u{1B}[0m and \u{9B}38;5;201mC1 colour."))
        try folder.write("titles.example/osc.txt", bytes: story("Title \u{1B}]0;pwned-by-article\u{07} change \u{1B}]2;pwned-two\u{1B}\\ done",
            "Clipboard \u{1B}]52;c;cm0gLXJmIH4K\u{07} write, link \u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\ here, \u{9D}0;pwned-c1\u{9C} C1."))
        try folder.write("cursor.example/moves.txt", bytes: story("Cursor \u{1B}[2J\u{1B}[H\u{1B}[10;40H moves \u{1B}[5A\u{1B}[K\u{1B}7\u{1B}8 here",
            "Backspace\u{08}\u{08}\u{08}\u{08}XXXX overprint and carriage\rOVERPRINT, bell\u{07}, DCS \u{1B}P1$r0m\u{1B}\\, reset \u{1B}c done."))
        try folder.write("unicode.example/bidi.txt", bytes: story("Bidi \u{202E}desrever\u{202C} and \u{2066}isolated\u{2069} title",
            "Zero\u{200B}width\u{2060}joiner\u{FEFF}bom soft\u{AD}hyphen, Z" + String(repeating: "\u{0301}\u{0336}", count: 300) + "algo flood, 東京 wide ｆｕｌｌ."))
        try folder.write("files.example/binary.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        try folder.write("files.example/empty.txt", bytes: [])
        try folder.write("files.example/chrome.txt", bytes: Array("Connect with us\n\nWorld\n\nPublished\n\non\n\nRecent Posts\n\nSomething Else Happened\n\n13 minutes ago\n".utf8))
        try folder.write("files.example/cp1252.txt", bytes: Array("Quotes from Windows\n\n".utf8) + [0x93] + Array("Smart quotes".utf8) + [0x94] + Array(" in a caf".utf8) + [0xE9] + Array(" story that goes on for a while about the harbour.\n".utf8))
        try folder.write("names.example/a \u{1B}]0;pwned-name\u{07}\u{1B}[31mred\u{202E}txt.exe.txt", bytes: story("Hostile Name Story", "Its name tries tricks."))
        try folder.write("names.example/line\nbreak.txt", bytes: story("Newline Name Story", "Its name has a line break."))
        try folder.write(rawName: Array("names.example/bad".utf8) + [0xFF, 0xFE] + Array(" name.txt".utf8), bytes: story("Invalid Name Story", "Its name is not UTF-8."))
        return folder
    }

    /// The same folders and kinds of file as `make()`, with plain text: what the theme alone draws.
    static func makeBenignTwin() throws -> HostileFolder {
        let folder = try HostileFolder()
        let body = (1...5).map { "The harbour board met again on Tuesday to talk about the ferry, paragraph \($0) of a long enough story." }
        func story(_ title: String) -> [UInt8] { Array((title + "\n\n" + body.joined(separator: "\n\n") + "\n").utf8) }
        for (path, title) in [("colours.example/sgr.txt", "Colours In A Plain Title"), ("titles.example/osc.txt", "Titles In A Plain Story"),
                              ("cursor.example/moves.txt", "Cursor Story Without Tricks"), ("unicode.example/bidi.txt", "Unicode Story Without Tricks"),
                              ("names.example/plain.txt", "Plain Name Story"), ("names.example/second.txt", "Second Name Story"),
                              ("names.example/third.txt", "Third Name Story")] {
            try folder.write(path, bytes: story(title))
        }
        try folder.write("files.example/binary.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        try folder.write("files.example/empty.txt", bytes: [])
        try folder.write("files.example/chrome.txt", bytes: Array("Connect with us\n\nWorld\n\nPublished\n\non\n\nRecent Posts\n\nSomething Else Happened\n\n13 minutes ago\n".utf8))
        try folder.write("files.example/cp1252.txt", bytes: Array("Quotes from Windows\n\n".utf8) + [0x93] + Array("Smart quotes".utf8) + [0x94] + Array(" in a caf".utf8) + [0xE9] + Array(" story that goes on for a while about the harbour.\n".utf8))
        return folder
    }

    private init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("byline-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func write(_ relative: String, bytes: [UInt8]) throws {
        try write(rawName: Array(relative.utf8), bytes: bytes)
    }

    func write(rawName relative: [UInt8], bytes: [UInt8]) throws {
        let full = Array(path.utf8) + [UInt8(ascii: "/")] + relative
        if let slash = full.lastIndex(of: UInt8(ascii: "/")) {
            let folder = String(decoding: full[..<slash], as: UTF8.self)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let stream = (full + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fopen($0.baseAddress!, "wb") }
        }
        guard let stream else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(stream) }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) }
    }

    /// Every entry below the folder with its size and modification time, by raw name: what "unchanged" means.
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            var info = stat()
            guard lstat(path + "/" + relative, &info) == 0 else { continue }
            result[relative] = "\(info.st_mode) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        var info = stat()
        if lstat(path, &info) == 0 { result["."] = "\(info.st_mode) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)" }
        return result
    }
}
