/// Image captions and photo credits: short blocks that name a picture or its photographer.
enum CaptionDetector {
    /// Whether the block whose lower-cased opening is `text` is a caption.
    static func isCaption(_ text: String, wordCount: Int) -> Bool {
        guard wordCount <= 45 else { return false }
        if text.hasPrefix("("), text.hasSuffix(")"), wordCount <= 12 { return true }
        return prefixPatterns.isPrefix(of: text) || markerPatterns.occurs(in: text)
    }

    /// `isCaption` read from the opening's UTF-8; nil when only the `String` can tell whether it is in brackets.
    static func isCaption(_ lowered: UnsafeBufferPointer<UInt8>, wordCount: Int) -> Bool? {
        guard wordCount <= 45 else { return false }
        if wordCount <= 12 {
            let opens = LoweredOpening.hasPrefix(lowered, "("), closes = LoweredOpening.hasSuffix(lowered, ")")
            if opens == nil && closes != false || closes == nil && opens != false { return nil }
            if opens == true && closes == true { return true }
        }
        return prefixPatterns.isPrefix(of: lowered) || markerPatterns.occurs(in: lowered)
    }

    /// Substring search in the standard library's own terms (Foundation's `contains` bridges to NSString).
    /// A plain byte loop: the texts searched are short (a block's first 200 characters).
    static func contains(_ text: String, _ marker: String) -> Bool {
        UTF8Text.withBytes(text) { haystack in UTF8Text.withBytes(marker) { contains(haystack, $0) } }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    private static let prefixes = [
        "image:", "images:", "photo:", "photos:", "picture:", "above:", "pictured:", "foto:", "fotos:", "фото:",
        "imagem:", "bild:", "credit:", "image credit", "photo credit", "photograph:", "illustration:",
    ]
    private static let prefixPatterns = BytePatterns(prefixes)
    private static let markerPatterns = BytePatterns(markers)
    private static let markers = [
        "(image:", "(photo:", "(credit:", "credit:", "credit...", "getty images", "/getty", "(ap)", "(afp)",
        "(reuters)", "photo by ", "photo illustration", "photograph by", "illustration by", "submitted photo",
        "©", "(c) ", "/ reuters", " photo: ", " photograph: ", " picture: ", " image: ", " foto: ", " фото: ", "/ afp", "/ ap photo", "ap photo", "istock", "shutterstock",
    ]
}
