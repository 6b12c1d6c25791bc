/// Phrases that often label site chrome, in several languages. A weak signal only: it never removes a block
/// on its own unless the block is short and carries nothing but the phrase and a few words.
enum ChromePhrases {
    /// True when the UTF-8 of the lower-cased block equals a known chrome phrase (as `String`s compare) or begins
    /// with one of the prefixes (byte for byte); `isNFC` is `LoweredOpening.isNFC` of it.
    static func matches(_ lowercased: UnsafeBufferPointer<UInt8>, isNFC: Bool) -> Bool {
        exactSet.contains(lowercased, isNFC: isNFC) || prefixPatterns.isPrefix(of: lowercased)
    }

    private static let exactSet = WholeTextSet(exact)
    private static let prefixPatterns = BytePatterns(prefixes)

    static let exact: [String] = [
        "advertisement", "advertising", "anzeige", "publicidade", "publicidad", "реклама", "ad",
        "share", "tweet", "share this", "share this:", "comments", "comment", "email", "print", "menu", "search",
        "related", "tags", "tags:", "topics", "topics:", "close", "more", "show more", "follow", "save",
        "subscribe", "connect with us", "published", "updated", "posted", "sign in", "log in", "login", "register", "home", "newsletter", "video", "videos",
        "compartilhe", "teilen", "поделиться", "partager", "compartir",
    ]

    static let prefixes: [String] = [
        "read more", "read also", "see more", "see also", "related ", "more from", "more on ", "more stories",
        "most read", "most popular", "you may also like", "you might also like", "recommended", "recent posts",
        "share on", "share via", "share this", "follow us", "follow the", "sign up", "subscribe to", "click here",
        "continue reading", "leave a comment", "leia mais", "leia também", "veja também", "lesen sie auch",
        "mehr zum thema", "weitere beiträge", "weitere artikel", "читайте также", "материалы по теме",
        "lire aussi", "à lire aussi", "lee también", "leer más", "te puede interesar", "copyright", "©",
        "all rights reserved", "about the author", "about this", "previous article", "next article",
        "previous post", "next post", "tweet ", "get short url", "copy link", "« previous", "prev ", "image credit", "don't miss", "don’t miss",
    ]
}
