import Foundation

/// Reads a publication date from a short line in common formats and returns it as ISO 8601.
///
/// Understands month names in several languages ("Wednesday 20 November 2019 11:42", "Nov. 18th 2019 8:54 am",
/// "24 сентября 2018", "22 de outubro de 2010 às 20:13"), ISO dates ("2022-03-30", "2019-11-13T23:06:00+01:00"),
/// dotted day-first dates ("18.11.2019") and US slashed dates ("11/20/19 6:38 AM"). Relative ages are refused.
enum DateParser {
    /// The date found in `text`, as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or nil.
    static func parse(_ text: String) -> String? {
        guard hasDigit(text), DateShape.mayHoldDate(text) else { return nil }
        return parseByTokens(text)
    }

    /// `parse` without the byte tests that clear most lines first.
    static func parseByTokens(_ text: String) -> String? {
        let tokens = tokenize(opening(text))
        guard let date = findDate(tokens) else { return nil }
        return iso(date, findTime(tokens))
    }

    static func iso(_ date: Day, _ time: Time?) -> String {
        var iso = padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2)
        if let time { iso += "T" + padded(time.hour, 2) + ":" + padded(time.minute, 2) }
        return iso
    }

    /// What `looksLikeDate` and `parse` find in a text, read from one tokenisation: a short line is asked both,
    /// and tokenising it into strings is the dear part.
    struct Reading: Sendable {
        var looksLikeDate = false
        var date: Day?
        var time: Time?

        /// `parse` of the text.
        var parsed: String? { date.map { DateParser.iso($0, time) } }
    }

    static func read(_ text: String) -> Reading {
        guard hasDigit(text), DateShape.mayHoldDate(text) else { return Reading() }
        let tokens = tokenize(opening(text))
        let date = findDate(tokens), time = findTime(tokens)
        return Reading(looksLikeDate: date != nil || time != nil || hasMonthNextToDay(tokens), date: date, time: time)
    }

    /// `String(format: "%0<width>d", value)` without Foundation's formatter, which cost about twenty thousand
    /// instructions a date.
    static func padded(_ value: Int, _ width: Int) -> String {
        guard value >= 0 else { return String(format: "%0\(width)d", value) }
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A line that reads as a date or time even without a year ("Posted Nov 19, 6:51 AM", "Today 12:01 AM").
    static func looksLikeDate(_ text: String) -> Bool {
        // Every form understood has a digit; most lines have none.
        guard hasDigit(text), DateShape.mayHoldDate(text) else { return false }
        return looksLikeDateByTokens(text)
    }

    /// `looksLikeDate` without the byte tests that clear most lines first.
    static func looksLikeDateByTokens(_ text: String) -> Bool {
        let tokens = tokenize(opening(text))
        return findDate(tokens) != nil || findTime(tokens) != nil || hasMonthNextToDay(tokens)
    }

    /// A month name next to a number of one or two digits ("Nov 19").
    static func hasMonthNextToDay(_ tokens: [Token]) -> Bool {
        for (index, token) in tokens.enumerated() {
            guard case .word(let word) = token, monthNumber(word) != nil else { continue }
            for neighbour in [index - 1, index + 1] where neighbour >= 0 && neighbour < tokens.count {
                if case .number(let value) = tokens[neighbour], value.count <= 2 { return true }
            }
        }
        return false
    }

    /// Whether the text holds an ASCII digit, read from its bytes (`utf8.contains` took the generic,
    /// index-by-index path).
    static func hasDigit(_ text: String) -> Bool {
        UTF8Text.withBytes(text) { bytes in
            // Eight bytes at a time (a byte of 0x80 or more is never counted between the bounds).
            var index = 0
            while index + 8 <= bytes.count {
                if ByteLanes.between(ByteLanes.load(bytes, at: index), 0x2F, 0x3A) != 0 { return true }
                index += 8
            }
            while index < bytes.count {
                if bytes[index] &- 0x30 < 10 { return true }
                index += 1
            }
            return false
        }
    }

    /// `String(text.prefix(240))`: text of 240 bytes or fewer has 240 characters or fewer, so it is its own
    /// prefix, and counting characters (grapheme breaking) is left to longer text.
    static func opening(_ text: String) -> String {
        text.utf8.count <= 240 ? text : String(text.prefix(240))
    }

    enum Token: Equatable {
        case word(String)
        /// Digits with the separators between them, e.g. "2019-11-13", "18.11.2019", "20", "11:42".
        case number(String)
    }

    static func tokenize(_ text: String) -> [Token] {
        UTF8Text.withBytes(text) { bytes in tokenizeASCII(bytes) ?? tokenizeUTF8(bytes) }
    }

    /// `.`, `-`, `/` or `:`: what a number holds between its digits ("21.11.2026", "10:30").
    @inline(__always)
    private static func isNumberSeparator(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x2D || byte == 0x2F || byte == 0x3A
    }

    /// The length of the first `count` bytes of a token being built without the separators that end it.
    @inline(__always)
    private static func withoutTrailingSeparators(_ token: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        var end = count
        while end > 0 && isNumberSeparator(token[end - 1]) { end -= 1 }
        return end
    }

    /// `tokenizeByScalars` of any valid UTF-8, read from the bytes like `tokenizeASCII`: a word's scalars beyond
    /// ASCII are copied as they are and the word lower-cased by `FastCase` (the same per-scalar mapping as
    /// `lowercased()`) only when it holds one, instead of growing a scalar view and a `String` per token. Numbers
    /// hold ASCII digits and separators only, so their scalars are their bytes.
    static func tokenizeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { current in
            var count = 0
            var isNumber = false, beyondASCII = false
            func flush() {
                guard count > 0 else { return }
                let end = withoutTrailingSeparators(current, count: count)
                if end > 0 {
                    let token = UnsafeBufferPointer(rebasing: current[0..<end])
                    if isNumber {
                        tokens.append(.number(String(decoding: token, as: UTF8.self)))
                    } else {
                        tokens.append(.word(beyondASCII ? FastCase.lowercased(token) : String(decoding: token, as: UTF8.self)))
                    }
                }
                count = 0
                beyondASCII = false
            }
            var index = 0
            while index < bytes.count {
                let (value, length) = UTF8Text.decode(bytes, at: index)
                let scalar = UTF8Text.scalar(value)
                if ScalarClass.isDigit(scalar) {
                    if !isNumber { flush(); isNumber = true }
                    current[count] = UInt8(value)
                    count += 1
                } else if isNumber && value < 0x80 && isNumberSeparator(UInt8(value)) && count > 0 {
                    current[count] = UInt8(value)
                    count += 1
                } else if ScalarClass.isLetter(scalar) {
                    if isNumber {
                        // "18th", "1st": an ordinal suffix stays with its number.
                        // (No scalar but an ASCII letter lower-cases to one of these letters.)
                        let isSuffix = value < 0x80 && DateShape.isSuffixLetter(UInt8(value))
                        if isSuffix && count <= 2 {
                            index += length
                            continue
                        }
                        flush(); isNumber = false
                    }
                    if value < 0x80 {
                        current[count] = UInt8(value) | 0x20
                        count += 1
                    } else {
                        for step in 0..<length { current[count + step] = bytes[index + step] }
                        count += length
                        beyondASCII = true
                    }
                } else {
                    flush(); isNumber = false
                }
                index += length
            }
            flush()
        }
        return tokens
    }

    /// `tokenizeByScalars` of plain ASCII text (nil for other text), read from the bytes: the tokens are made
    /// from a small buffer, words lower-cased by arithmetic, instead of growing a scalar view and lower-casing
    /// each word through the Unicode tables.
    static func tokenizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token]? {
        for byte in bytes where byte >= 0x80 { return nil }
        var tokens: [Token] = []
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { current -> [Token] in
            var count = 0
            var isNumber = false
            func flush() {
                guard count > 0 else { return }
                let end = withoutTrailingSeparators(current, count: count)
                if end > 0 {
                    let value = String(decoding: UnsafeBufferPointer(rebasing: current[0..<end]), as: UTF8.self)
                    tokens.append(isNumber ? .number(value) : .word(value))
                }
                count = 0
            }
            for byte in bytes {
                let digit = byte >= 0x30 && byte <= 0x39
                let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                if digit {
                    if !isNumber { flush(); isNumber = true }
                    current[count] = byte
                    count += 1
                } else if isNumber && isNumberSeparator(byte) && count > 0 {
                    current[count] = byte
                    count += 1
                } else if letter {
                    if isNumber {
                        // "18th", "1st": an ordinal suffix stays with its number.
                        if DateShape.isSuffixLetter(byte) && count <= 2 { continue }
                        flush(); isNumber = false
                    }
                    // Words are lower-cased when they are flushed; numbers never hold letters.
                    current[count] = byte | 0x20
                    count += 1
                } else {
                    flush(); isNumber = false
                }
            }
            flush()
            return tokens
        }
    }

    /// The tokens of `text`: runs of letters (words, lower-cased) and of digits with the separators between them
    /// (numbers), scalar by scalar. The definition the two byte tokenisers stand in for; only tests call it.
    static func tokenizeByScalars(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var isNumber = false
        func flush() {
            guard !current.isEmpty else { return }
            var value = String(current)
            while let last = value.last, last == "." || last == "-" || last == "/" || last == ":" { value.removeLast() }
            if !value.isEmpty { tokens.append(isNumber ? .number(value) : .word(value.lowercased())) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let digit = ScalarClass.isDigit(scalar)
            let letter = ScalarClass.isLetter(scalar)
            if digit {
                if !isNumber { flush(); isNumber = true }
                current.append(scalar)
            } else if isNumber && ".-/:".unicodeScalars.contains(scalar) && !current.isEmpty {
                current.append(scalar)
            } else if letter {
                if isNumber {
                    // "18th", "1st": an ordinal suffix stays with its number.
                    // (No scalar but an ASCII letter lower-cases to one of these letters.)
                    let isSuffix = scalar.value < 0x80 && DateShape.isSuffixLetter(UInt8(scalar.value))
                    if isSuffix && current.count <= 2 { continue }
                    flush(); isNumber = false
                }
                current.append(scalar)
            } else {
                flush(); isNumber = false
            }
        }
        flush()
        return tokens
    }

    struct Day { let year: Int, month: Int, day: Int }

    static func findDate(_ tokens: [Token]) -> Day? {
        for token in tokens {
            if case .number(let value) = token, let day = numericDate(value) { return day }
        }
        for (index, token) in tokens.enumerated() {
            guard case .word(let word) = token, let month = monthNumber(word) else { continue }
            if let day = dayAndYear(around: index, month: month, in: tokens) { return day }
        }
        return nil
    }

    /// "2019-11-13", "18.11.2019", "11/20/19", "2019/11/13".
    static func numericDate(_ value: String) -> Day? {
        // Three parts need two of one separator; most numbers ("13", "2019", "11:42") have none: one pass over
        // the bytes counts all three before any split.
        let counts = UTF8Text.withBytes(value) { bytes -> (dashes: Int, dots: Int, slashes: Int) in
            var dashes = 0, dots = 0, slashes = 0
            for byte in bytes {
                if byte == 0x2D { dashes += 1 } else if byte == 0x2E { dots += 1 } else if byte == 0x2F { slashes += 1 }
            }
            return (dashes, dots, slashes)
        }
        guard counts.dashes >= 2 || counts.dots >= 2 || counts.slashes >= 2 else { return nil }
        for separator: UInt8 in [0x2D, 0x2E, 0x2F] {
            let count = separator == 0x2D ? counts.dashes : separator == 0x2E ? counts.dots : counts.slashes
            guard count >= 2 else { continue }
            let parts = value.split(separator: Character(Unicode.Scalar(separator)), omittingEmptySubsequences: false)
            guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]) else { continue }
            let third = parts[2].prefix { $0.isNumber }
            guard let c = Int(third) else { continue }
            if parts[0].count == 4 { return valid(year: a, month: b, day: c) }
            if third.count == 4 || third.count == 2 {
                let year = third.count == 2 ? 2000 + c : c
                if separator == 0x2F && a <= 12 { return valid(year: year, month: a, day: b) }
                return valid(year: year, month: b, day: a)
            }
        }
        return nil
    }

    static func dayAndYear(around index: Int, month: Int, in tokens: [Token]) -> Day? {
        func number(at position: Int) -> (value: Int, digits: Int)? {
            guard position >= 0, position < tokens.count, case .number(let text) = tokens[position],
                  text.allSatisfy(\.isNumber), let value = Int(text) else { return nil }
            return (value, text.count)
        }
        func isFiller(_ position: Int) -> Bool {
            guard position >= 0, position < tokens.count, case .word(let word) = tokens[position] else { return false }
            return ["de", "of", "the"].contains(word)
        }
        var day: Int?
        var dayPosition = index
        // Day before the month ("20 November", "22 de outubro"), else after it ("November 20", "Nov. 18th").
        for offset in [1, 2] where day == nil {
            if offset == 2 && !isFiller(index - 1) { continue }
            if let found = number(at: index - offset), found.digits <= 2, (1...31).contains(found.value) {
                day = found.value
                dayPosition = index - offset
            }
        }
        var yearSearchStart = index + 1
        if day == nil, let found = number(at: index + 1), found.digits <= 2, (1...31).contains(found.value) {
            day = found.value
            dayPosition = index + 1
            yearSearchStart = index + 2
        }
        guard let day else { return nil }
        for position in yearSearchStart..<min(tokens.count, yearSearchStart + 4) {
            if let found = number(at: position), found.digits == 4 {
                return valid(year: found.value, month: month, day: day)
            }
            if case .number = tokens[position] { break }
        }
        // "2019 Nov 20" or a year before the day: look just before.
        if let found = number(at: dayPosition - 1), found.digits == 4 {
            return valid(year: found.value, month: month, day: day)
        }
        return nil
    }

    static func valid(year: Int, month: Int, day: Int) -> Day? {
        guard (1990...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    struct Time { let hour: Int, minute: Int }

    static func findTime(_ tokens: [Token]) -> Time? {
        for (index, token) in tokens.enumerated() {
            guard case .number(let value) = token else { continue }
            // Most numbers hold no colon: no split for them.
            guard UTF8Text.withBytes(value, { $0.contains(0x3A) }) else { continue }
            let parts = value.split(separator: ":")
            guard parts.count >= 2, parts[0].count <= 2, parts[1].count == 2,
                  var hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { continue }
            if index + 1 < tokens.count, case .word(let marker) = tokens[index + 1] {
                if (marker == "pm" || marker == "p") && hour < 12 { hour += 12 }
                if (marker == "am" || marker == "a") && hour == 12 { hour = 0 }
            }
            return Time(hour: hour, minute: minute)
        }
        // "2019-11-13T23:06:00": the time follows a "t" word glued to the date.
        return nil
    }

    static func monthNumber(_ word: String) -> Int? { months[word] }

    /// Every month name known, lower case.
    static var monthNames: [String] { Array(months.keys) }

    private static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "januar", "janvier", "enero", "janeiro", "gennaio", "января", "январь", "jänner"],
            ["february", "feb", "februar", "février", "febrero", "fevereiro", "febbraio", "февраля", "февраль"],
            ["march", "mar", "märz", "mars", "marzo", "março", "марта", "март"],
            ["april", "apr", "avril", "abril", "aprile", "апреля", "апрель"],
            ["may", "mai", "mayo", "maio", "maggio", "мая", "май"],
            ["june", "jun", "juni", "juin", "junio", "junho", "giugno", "июня", "июнь"],
            ["july", "jul", "juli", "juillet", "julio", "julho", "luglio", "июля", "июль"],
            ["august", "aug", "août", "agosto", "августа", "август"],
            ["september", "sep", "sept", "septembre", "septiembre", "setembro", "settembre", "сентября", "сентябрь"],
            ["october", "oct", "oktober", "octobre", "octubre", "outubro", "ottobre", "октября", "октябрь"],
            ["november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь"],
            ["december", "dec", "dezember", "décembre", "diciembre", "dezembro", "dicembre", "декабря", "декабрь"],
        ]
        var map: [String: Int] = [:]
        for (index, group) in names.enumerated() { for name in group { map[name] = index + 1 } }
        return map
    }()
}
