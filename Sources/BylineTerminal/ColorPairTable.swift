/// Colour pair numbers for (foreground, background) combinations, handed out as combinations first appear.
struct ColorPairTable {
    /// The highest pair number that may be allocated (COLOR_PAIRS - 1, capped where init_pair's short ends).
    let highestPair: Int
    /// The pair that pair 0 already shows: (-1, -1) with default colours, else white on black.
    let defaultColors: (foreground: Int32, background: Int32)
    private var numbers: [Key: Int16] = [:]
    private var nextPair = 1
    /// How many lookups found no free pair and fell back to pair 0.
    private(set) var exhaustedLookups = 0

    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(colorPairs: Int, defaultColors: (foreground: Int32, background: Int32) = (-1, -1)) {
        highestPair = min(colorPairs - 1, Int(Int16.max))
        self.defaultColors = defaultColors
    }

    /// The pair for a combination, and whether it is new (the caller must then `init_pair` it).
    /// When every pair is taken the answer is pair 0: the text still shows, in default colours.
    mutating func pair(foreground: Int32, background: Int32) -> (number: Int16, isNew: Bool) {
        if foreground == defaultColors.foreground && background == defaultColors.background { return (0, false) }
        let key = Key(foreground: foreground, background: background)
        if let number = numbers[key] { return (number, false) }
        guard nextPair <= highestPair else {
            exhaustedLookups += 1
            return (0, false)
        }
        let number = Int16(nextPair)
        nextPair += 1
        numbers[key] = number
        return (number, true)
    }

    /// Pairs handed out so far.
    var allocatedCount: Int { nextPair - 1 }
}
