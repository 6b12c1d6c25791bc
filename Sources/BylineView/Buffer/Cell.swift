/// One screen cell: the text drawn there (a grapheme, or empty for the right half of a wide one) and its style.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn in this cell; "" marks the continuation of a wide grapheme to the left.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()

    /// Whether this cell is covered by the wide grapheme in the cell to its left.
    public var isContinuation: Bool { text.isEmpty }
}
