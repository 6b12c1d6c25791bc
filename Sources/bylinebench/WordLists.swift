/// Invented vocabulary for generated articles. Everyday words plus made-up names and places, so that search
/// terms hit a realistic share of articles; nothing here is taken from any real article.
enum WordLists {
    static let common: [String] = """
    the a of to and in on for with by at from as that this it was were is are be has had have will would could
    said says after before during while over under between about into against among without within across
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let nouns: [String] = """
    harbour council ferry market bridge river valley station mayor minister committee budget tariff railway
    school hospital clinic farmers harvest drought flood storm winter summer festival museum library theatre
    orchestra court judge lawyer witness report inquiry election ballot campaign candidate party coalition
    parliament senate treaty border convoy delegation talks ceasefire agreement summit envoy ambassador
    factory workers union strike wages prices inflation exports imports shipping port cargo airline airport
    runway pilot engineers software network outage satellite launch rocket observatory telescope comet
    forest wildfire rangers wolves salmon reef coral tide island coast lighthouse fishermen trawler quota
    vaccine doctors nurses patients ward research study survey census households tenants housing rent
    mortgage bank lender savings pension retirees teachers students exams university campus laboratory
    police officers patrol arrest suspect charges verdict appeal sentence prison reform protest crowd square
    cathedral monument statue archive manuscript painting gallery auction collector architect tower tunnel
    highway traffic cyclists pedestrians tram bus depot fuel pipeline reactor turbine grid battery solar
    wind energy emissions climate glacier mountain village province region district capital city suburb
    neighbourhood community volunteers charity donors shelter refugees families children veterans athletes
    league season coach stadium final trophy referee match tournament marathon record champion rivals
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let verbs: [String] = """
    announced approved rejected delayed opened closed reopened expanded reduced raised lowered warned urged
    promised denied confirmed reported signed blocked criticised welcomed questioned launched postponed
    resumed suspended praised defended challenged released published revealed ordered cancelled extended
    repaired rebuilt inspected measured doubled halved estimated predicted voted debated negotiated
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let adjectives: [String] = """
    new old early late local regional national northern southern eastern western coastal rural urban
    annual monthly weekly quiet busy fragile stable sharp steady modest major minor rare common
    temporary permanent public private independent official unofficial final initial second third
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Invented given names and surnames (some with accents, for folding).
    static let givenNames: [String] = """
    Amara Bastien Corin Dalia Emeric Fenna Gideon Halvard Ines Jorund Kalina Lucan Maelis Nadir Oriel
    Perrin Quilla Rasmus Selene Tamsin Ulric Vesna Wendel Xanthe Yorick Zelda Anouk Béla Chloé Dávid Élodie
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let surnames: [String] = """
    Ashgrove Brindle Calloway Dunmere Elsworth Fairholm Garrow Hestwick Ivers Jandrell Kestrel Lowther
    Marwick Nettleford Orrin Pellham Quarry Rookwood Stanmere Thorne Underhill Vantreight Wexley Yarrow
    Zellinger Moreau Sørensen Novák Kovač Østergaard Núñez Ferreira
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Invented places, some with accents (`Vélanne` is found by `velanne`).
    static let places: [String] = """
    Aldermoor Brackenford Caldris Dunhaven Eskerby Fallowmere Grantholm Harrowgate Istrel Jorvale Kettering
    Lindquay Marrowby Northam Ostreva Pellingrad Quenmouth Rosskirk Saltmarsh Tarnwick Umberlee Vélanne
    Westerholt Yarnbury Zorvik Cárdenas Mühlbrück Ålstad
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let sections: [String] = [
        "World", "Politics", "Business", "Science", "Health", "Sport", "Culture", "Opinion", "Local", "Technology",
    ]

    static let agencies: [String] = ["Northwire", "Press Meridian", "Lantern Photo", "Coastline Images", "Agency Orbis"]

    /// Pseudo-Russian words written for this generator (Cyrillic text of realistic shape, not real sentences).
    static let cyrillic: [String] = """
    город совет рынок мост река порт школа больница министр доклад выборы партия переговоры соглашение
    граница зима лето праздник музей театр суд свидетель решение бюджет цены зарплата завод рабочие
    заявил сообщил отметил подтвердил отказался обещал открыли закрыли новый старый местный северный
    южный вчера сегодня недавно около после перед между против вместе также однако поэтому
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Common CJK characters, combined at random into sentence-length runs.
    static let cjk: [String] = """
    市 政 府 会 议 港 口 桥 河 谷 站 长 学 校 医 院 研 究 报 告 选 举 党 派 谈 判 协 议 边 境 冬 夏 节 日 博 物 馆 剧 场
    法 院 证 人 预 算 价 格 工 资 厂 人 们 宣 布 确 认 表 示 今 天 昨 天 新 旧 地 方 北 南 东 西 国 家 经 济 文 化
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
