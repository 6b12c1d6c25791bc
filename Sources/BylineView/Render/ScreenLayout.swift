/// Where everything goes on a screen of a given size: side by side from 100 columns, stacked below.
public struct ScreenLayout: Sendable, Equatable {
    /// Smallest usable screen; anything smaller shows a one-line notice.
    public static let minimumWidth = 20
    public static let minimumHeight = 6
    /// Width from which the panes sit side by side.
    public static let sideBySideWidth = 100

    /// How the panes are arranged.
    public enum Arrangement: Sendable, Equatable { case sideBySide, stacked, tooSmall }

    public let width: Int
    public let height: Int
    public let arrangement: Arrangement
    public let titleBar: Rect
    public let statusLine: Rect
    public let list: Rect
    public let reader: Rect
    /// Horizontal rules under the title bar and over the status line (empty on short screens).
    public let topRule: Rect
    public let bottomRule: Rect
    /// The vertical (side by side) or horizontal (stacked) line between the panes.
    public let divider: Rect

    /// Narrowest screen on which `v` puts the panes side by side.
    public static let minimumSideBySideWidth = 60

    /// `arrangement` overrides the width's choice (`v`); `zoomed` gives the reader the whole body (`z`).
    public init(width: Int, height: Int, arrangement chosen: Arrangement? = nil, zoomed: Bool = false) {
        self.width = width
        self.height = height
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            arrangement = .tooSmall
            (titleBar, statusLine, list, reader, topRule, bottomRule, divider) = (empty, empty, empty, empty, empty, empty, empty)
            return
        }
        titleBar = Rect(x: 0, y: 0, width: width, height: 1)
        statusLine = Rect(x: 0, y: height - 1, width: width, height: 1)
        let rules = height >= 12
        topRule = rules ? Rect(x: 0, y: 1, width: width, height: 1) : empty
        bottomRule = rules ? Rect(x: 0, y: height - 2, width: width, height: 1) : empty
        let top = rules ? 2 : 1
        let bodyHeight = height - top - (rules ? 2 : 1)
        let sideBySide = switch chosen {
        case .sideBySide?: width >= Self.minimumSideBySideWidth
        case .stacked?: false
        case .tooSmall?, nil: width >= Self.sideBySideWidth
        }
        if zoomed {
            arrangement = sideBySide ? .sideBySide : .stacked
            list = Rect(x: 0, y: top, width: 0, height: 0)
            divider = Rect(x: 0, y: top, width: 0, height: 0)
            reader = Rect(x: 0, y: top, width: width, height: bodyHeight)
        } else if sideBySide {
            arrangement = .sideBySide
            let listWidth = min(60, max(30, width * 2 / 5))
            list = Rect(x: 0, y: top, width: listWidth, height: bodyHeight)
            divider = Rect(x: listWidth, y: top, width: 1, height: bodyHeight)
            reader = Rect(x: listWidth + 1, y: top, width: width - listWidth - 1, height: bodyHeight)
        } else {
            arrangement = .stacked
            let listHeight = max(1, min(bodyHeight / 3, bodyHeight - 2))
            list = Rect(x: 0, y: top, width: width, height: listHeight)
            divider = Rect(x: 0, y: top + listHeight, width: width, height: 1)
            reader = Rect(x: 0, y: top + listHeight + 1, width: width, height: bodyHeight - listHeight - 1)
        }
    }

    /// The reader's text column: one column of padding each side, at most 80 columns, centred when wider.
    public var readerText: Rect {
        let padded = reader.insetHorizontally(reader.width > 4 ? 1 : 0)
        let textWidth = min(padded.width, Self.comfortableWidth)
        let offset = (padded.width - textWidth) / 2
        return Rect(x: padded.x + offset, y: reader.y, width: textWidth, height: reader.height)
    }

    /// Line length that stays comfortable to read.
    public static let comfortableWidth = 80
}
