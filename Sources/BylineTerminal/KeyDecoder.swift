import BylineView
import CNcurses

/// One read from ncurses: a character (`wget_wch` returned OK) or a key code (KEY_CODE_YES).
enum RawInput: Equatable {
    case character(UInt32)
    case keyCode(Int32)
}

/// What a raw read means before Escape is paired with the read that follows it.
enum DecodedInput: Equatable {
    case key(Key)
    /// ESC: a lone Escape, or the first half of Alt-x.
    case escape
    case mouse
    case resize
    case ignored
}

/// Maps ncurses input to `Key` values; pure, so the whole table is unit-tested.
enum KeyDecoder {
    static func decode(_ input: RawInput) -> DecodedInput {
        switch input {
        case .character(let code): return decodeCharacter(code)
        case .keyCode(let code): return decodeKeyCode(code)
        }
    }

    /// The key for ESC followed at once by `next`: Alt with a printable character, else nil
    /// (then Escape is delivered alone and `next` is decoded on its own).
    static func altKey(pairing next: RawInput) -> Key? {
        guard case .key(.character(let character)) = decode(next) else { return nil }
        return .alt(character)
    }

    private static func decodeCharacter(_ code: UInt32) -> DecodedInput {
        switch code {
        case 0x09: return .key(.tab)
        case 0x0A, 0x0D: return .key(.enter) // \r after nonl(), \n otherwise
        case 0x08, 0x7F: return .key(.backspace)
        case 0x1B: return .escape
        case 0x00: return .key(.control("@"))
        case 0x01...0x1A:
            guard let letter = Unicode.Scalar(code + 0x60) else { return .ignored }
            return .key(.control(Character(letter)))
        case 0x1C...0x1F:
            guard let symbol = Unicode.Scalar(code + 0x40) else { return .ignored }
            return .key(.control(Character(symbol)))
        case 0x80...0x9F: return .ignored // C1 controls are never typed on purpose
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> DecodedInput {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME, KEY_FIND: return .key(.home) // rxvt-style terminals send Home as kfnd
        case KEY_END, KEY_SELECT: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case cn_key_f(1)...cn_key_f(63): return .key(.function(Int(code - cn_key_f(0))))
        default: return .ignored
        }
    }
}
