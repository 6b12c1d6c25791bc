/// The page layouts generated articles imitate: each source uses one, so per-source chrome repeats like on
/// real sites (menus, share bars, "Recent Posts" teasers, copyright footers).
enum ArticleTemplate: Int, CaseIterable {
    /// "Connect with us", a section label, the headline, "Published" / "on" / date, a caption, a dateline.
    case socialHeader
    /// An ALL-CAPS headline, the body, "Our Correspondent", then "Recent Posts" teasers with "13 minutes ago".
    case capsHeadline
    /// Breadcrumbs, "By NAME | Updated DATE", a share bar, "Read more" links and a copyright footer.
    case breadcrumb
    /// "Skip to content", a standfirst, the author and date on their own lines, "Photo:" credits, tags.
    case standfirst
    /// Just a headline, a date and the text, as a clean export would be.
    case plain

    /// The text of one article whose body is about `bodyBytes` long.
    func render(_ writer: inout ProseWriter, site: String, bodyBytes: Int) -> String {
        let title = writer.title()
        let date = writer.date()
        let section = writer.random.pick(WordLists.sections)
        var blocks: [String] = []
        switch self {
        case .socialHeader:
            blocks += ["Connect with us", section, title, "Published", "on", writer.formatted(date, style: 0)]
            if writer.random.chance(0.6) { blocks.append(writer.caption()) }
            let dateline = "\(writer.random.pick(WordLists.places).uppercased()), \(writer.random.pick(WordLists.places)) — "
            blocks += writer.body(bytes: bodyBytes, firstPrefix: dateline)
            if writer.random.chance(0.5) { blocks += writer.recentPosts() }
        case .capsHeadline:
            blocks.append(title.uppercased())
            blocks += writer.body(bytes: bodyBytes)
            blocks.append("Our Correspondent")
            blocks += writer.recentPosts()
        case .breadcrumb:
            blocks.append("Home › \(section) › \(writer.random.pick(WordLists.places))")
            blocks.append(title)
            blocks.append("By \(writer.personName()) | Updated \(writer.formatted(date, style: 1)) \(date.hour.twoDigits):\(date.minute.twoDigits)")
            blocks.append("Share on Facebook · Share on X · Email · Print")
            blocks += writer.body(bytes: bodyBytes)
            blocks.append("Read more:")
            for _ in 0..<3 { blocks.append("– " + writer.title()) }
            blocks.append("© \(date.year) \(site). All rights reserved.")
            blocks.append("Privacy Policy | Terms of Use | Contact")
        case .standfirst:
            blocks += ["Skip to content", "Menu", "Search", section, title, writer.sentence(), writer.personName()]
            blocks.append(writer.formatted(date, style: 3))
            if writer.random.chance(0.7) { blocks.append(writer.caption()) }
            blocks += writer.body(bytes: bodyBytes)
            let tags = (0..<3).map { _ in writer.random.pick(WordLists.nouns) }.joined(separator: ", ")
            blocks.append("Tags: \(tags)")
            blocks.append("Subscribe to our newsletter")
        case .plain:
            blocks.append(title)
            // A few articles carry no date at all, so "undated last" ordering is exercised.
            if writer.random.chance(0.9) { blocks.append(writer.formatted(date, style: 2)) }
            blocks += writer.body(bytes: bodyBytes)
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}

extension ProseWriter {
    /// Paragraphs until about `bytes`; some in Cyrillic or CJK, a few split mid-word as scrapers leave them.
    mutating func body(bytes: Int, firstPrefix: String = "") -> [String] {
        var paragraphs: [String] = []
        var total = 0
        while total < bytes || paragraphs.isEmpty {
            let roll = random.below(1000)
            var text = roll < 40 ? cyrillicParagraph() : roll < 60 ? cjkParagraph() : paragraph()
            if paragraphs.isEmpty { text = firstPrefix + text }
            if roll >= 995, text.utf8.count > 200 {
                // A paragraph broken in the middle of a word, as in scraped pages.
                let cut = text.index(text.startIndex, offsetBy: text.count / 2)
                paragraphs.append(String(text[..<cut]))
                text = String(text[cut...])
            }
            total += text.utf8.count + 2
            paragraphs.append(text)
        }
        return paragraphs
    }

    /// A photo caption with a credit.
    mutating func caption() -> String {
        let words = (0..<(5 + random.below(8))).map { _ in random.pick(WordLists.nouns) }.joined(separator: " ")
        return "\(words.capitalizedFirst) in \(random.pick(WordLists.places)). Photo: \(random.pick(WordLists.agencies))"
    }

    /// The "Recent Posts" block: teasers with a title, a cut-off first sentence and a relative time.
    mutating func recentPosts() -> [String] {
        var blocks = ["Recent Posts"]
        for _ in 0..<(2 + random.below(3)) {
            blocks.append(title())
            let teaser = sentence()
            blocks.append(String(teaser.prefix(60 + random.below(40))) + "…")
            let amount = 1 + random.below(59)
            blocks.append("\(amount) \(random.pick(["minutes", "hours"])) ago")
        }
        return blocks
    }
}
