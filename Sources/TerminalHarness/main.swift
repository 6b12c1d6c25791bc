import BylineTerminal
import BylineView
import Foundation

// A tiny program that exercises the ncursesw backend alone, for TerminalBackendTmuxTests and for trying the
// backend by hand: it draws wide text and colours, and logs its pid, every event and every draw's cost to
// the file named by TERMINAL_HARNESS_LOG. Keys: q quits, c crashes on purpose, p runs $TERMINAL_HARNESS_CHILD
// (default: a shell) through Terminal.runProgram, f toggles a full-screen change.

let logPath = ProcessInfo.processInfo.environment["TERMINAL_HARNESS_LOG"]

@MainActor func log(_ line: String) {
    guard let logPath, let data = (line + "\n").data(using: .utf8) else { return }
    if let handle = FileHandle(forWritingAtPath: logPath) {
        handle.seekToEndOfFile()
        handle.write(data)
        handle.closeFile()
    } else {
        _ = FileManager.default.createFile(atPath: logPath, contents: data)
    }
}

let terminal: Terminal
do {
    terminal = try Terminal()
} catch {
    FileHandle.standardError.write(Data("terminal-harness: \(error)\n".utf8))
    exit(2)
}
log("pid \(getpid()) size \(terminal.size.width)x\(terminal.size.height) depth \(terminal.colorDepth)")

var lastEvent = "none"
var eventCount = 0
var fillsScreen = false

/// Text rows whose `#` marker must land in column 40 whatever the widths before it.
let sampleRows = [
    "quotes: ’ “ ” — end", "cjk: 漢字 end", "emoji: 🎉👍 end", "cyrillic: Привет мир end",
    "combining: e\u{301}x end", "controls: \u{1B}[31mRED\u{7}\u{9B}2J end",
]

@MainActor func frame() -> CellBuffer {
    let (width, height) = terminal.size
    var buffer = CellBuffer(width: width, height: height)
    let bar = Style(foreground: .ansi(15), background: .ansi(4), modifiers: [.bold])
    buffer.fill(buffer.area.row(0), with: Cell(" ", style: bar))
    buffer.write("HARNESS \(width)x\(height) events=\(eventCount)", x: 0, y: 0, style: bar)
    for (index, row) in sampleRows.enumerated() {
        buffer.write(row, x: 1, y: 2 + index, style: .plain)
        buffer.write("#", x: 40, y: 2 + index, style: .plain)
    }
    var x = 1
    let samples: [(String, Style)] = [
        ("red", Style(foreground: .ansi(1))),
        ("i208/236", Style(foreground: .indexed(208), background: .indexed(236))),
        ("rgb", Style(foreground: .rgb(255, 128, 0))), ("bold", Style(modifiers: [.bold])),
        ("under", Style(modifiers: [.underline])), ("rev", Style(modifiers: [.reverse])),
    ]
    for (text, style) in samples { x = buffer.write(text, x: x, y: 9, style: style) + 1 }
    buffer.write("last event: \(lastEvent)", x: 1, y: 11, style: .plain)
    if fillsScreen {
        let digit = String(eventCount % 10)
        for y in 13..<max(13, height - 1) {
            buffer.write(String(repeating: digit, count: width), x: 0, y: y, style: Style(foreground: .ansi(UInt8(eventCount % 8))))
        }
    }
    buffer.write("q quit  c crash  p child  f fill", x: 0, y: height - 1, style: Style(modifiers: [.reverse]))
    return buffer
}

while true {
    terminal.draw(frame())
    let cost = terminal.lastDraw
    log("draw cells \(cost.cellsWritten) runs \(cost.runs) bytes \(cost.bytesWritten ?? -1) full \(cost.wasFullRedraw)")
    let event = terminal.nextEvent(timeoutMilliseconds: 250)
    if let signal = terminal.pendingSignal {
        log("signal \(signal)")
        terminal.exit(forSignal: signal)
    }
    if event == .tick { continue }
    lastEvent = "\(event)"
    eventCount += 1
    log("event \(event)")
    switch event {
    case .key(.character("q")):
        terminal.shutdown()
        exit(0)
    case .key(.character("c")):
        fatalError("terminal-harness crashed on purpose")
    case .key(.character("p")):
        let child = ProcessInfo.processInfo.environment["TERMINAL_HARNESS_CHILD"] ?? "exec ${SHELL:-/bin/sh}"
        let status = terminal.runProgram(["/bin/sh", "-c", child])
        log("child status \(status.map(String.init) ?? "none")")
    case .key(.character("f")):
        fillsScreen.toggle()
    default:
        break
    }
}
