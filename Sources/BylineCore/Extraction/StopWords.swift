/// Common function words of several languages: running prose is dense in them, menus and headline lists are not.
enum StopWords {
    static func contains(_ lowercasedWord: Substring) -> Bool { all.contains(String(lowercasedWord)) }

    static let all: Set<String> = Set((english + german + french + spanish + portuguese + italian + dutch + russian)
        .split(separator: " ").map(String.init))

    /// The same words as `WordHash`es of their lower-cased scalars, for testing words without making strings.
    static let hashes: Set<UInt64> = Set(all.map { WordHash.of(Substring($0)) })

    /// `hashes` for the hot loops: of 64 multipliers, the one that leaves every word nearest its home slot, since
    /// the word pass reads every slot up to the farthest. Eight slots a word (32 KB) leave every word at most one
    /// slot from home, so the word pass reads two slots a word (four slots a word left some three away).
    static let table = HashSet64(hashes, slotsPerMember: 8, multipliers: 64)

    /// The hash of a word, lower-cased, as in `hashes`.
    static func hash(_ word: Substring) -> UInt64 { WordHash.of(word) }

    /// FNV-1a over scalar values, for the word lists of dates and names (the stop words use `WordHash`).
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func mix(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x100_0000_01b3
    }

    /// The lower-case scalar value: ASCII and Cyrillic by arithmetic, the rest through Unicode properties.
    @inline(__always) static func lowercased(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) ? value + 0x20 : value }
        if value >= 0x410 && value <= 0x42F { return value + 0x20 }
        if value >= 0x400 && value <= 0x40F { return value + 0x50 }
        if value >= 0xC0 && value <= 0xDE && value != 0xD7 { return value + 0x20 }
        guard scalar.properties.isUppercase, let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
        else { return value }
        return lower.value
    }

    private static let english = """
        a about after all also an and any are as at be because been before being between both but by can could \
        did do does during each for from had has have he her here him his how i if in into is it its just me more \
        most my no not now of on one only or other our out over said she should so some such than that the their \
        them then there these they this those through to too under up very was we were what when where which while \
        who whom why will with would you your yet still since until against among
        """
    private static let german = """
         aber als am an auch auf aus bei bin bis da damit dann das dass dem den denn der des die doch du durch ein \
        eine einem einen einer eines er es für hat hatte ich ihr im in ist ja kann mit nach nicht noch nur ob oder \
        sein sich sie sind so über um und uns von vor war wenn werden wie wir wird zu zum zur
        """
    private static let french = """
         au aux avec ce ces dans de des du elle en est et il ils je la le les leur lui mais me même mes ne nous ou \
        par pas pour qu que qui sa se ses son sont sur ta te tu un une vous été être avait fait comme plus
        """
    private static let spanish = """
         al como con del el ella ellos en era es esta este fue ha han hay la las lo los más no para pero por que se \
        ser sin sobre su sus también un una uno y ya
        """
    private static let portuguese = """
         ao aos com da das de do dos ela ele em entre era essa esse está foi há isso mais mas na nas no nos não o os \
        ou para pela pelo por que se sem ser seu sua são também um uma é à às
        """
    private static let italian = """
         agli al alla alle anche che chi come con dal dalla degli dei del della delle di gli ha il in io le lo ma \
        nel nella non per più quando se si sono su sua suo tra una uno è
        """
    private static let dutch = """
         aan als bij dat de den der die dit door een en er het hij ik in is maar met naar niet of om onder ook op \
        over te tot uit van voor was wat we wel werd worden zal ze zich zijn
        """
    private static let russian = """
         а без бы был была были было в вам вас во вот все всё вы где да даже для до его ее её если есть еще ещё же \
        за и из или им их к как когда кто ли либо мне может мы на над надо не него нее неё нет ни но ну о об он она \
        они оно от по под при с со так также такой там то того тоже только том ты у уже чем что чтобы эта эти это я
        """
}
