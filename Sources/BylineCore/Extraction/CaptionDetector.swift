/// Image captions and photo credits: short blocks that name a picture or its photographer.
enum CaptionDetector {
    static func isCaption(_ features: BlockFeatures) -> Bool {
        guard features.wordCount <= 45 else { return false }
        let text = features.lowercased
        if text.hasPrefix("("), text.hasSuffix(")"), features.wordCount <= 12 { return true }
        for prefix in prefixes where text.hasPrefix(prefix) { return true }
        for marker in markers where text.contains(marker) { return true }
        return false
    }

    private static let prefixes = [
        "image:", "images:", "photo:", "photos:", "picture:", "above:", "pictured:", "foto:", "fotos:", "фото:",
        "imagem:", "bild:", "credit:", "image credit", "photo credit", "photograph:", "illustration:",
    ]
    private static let markers = [
        "(image:", "(photo:", "(credit:", "credit:", "credit...", "getty images", "/getty", "(ap)", "(afp)",
        "(reuters)", "photo by ", "photo illustration", "photograph by", "illustration by", "submitted photo",
        "©", "(c) ", "/ reuters", "/ afp", "/ ap photo", "ap photo", "istock", "shutterstock",
    ]
}
