import LagoaColumnar
/// One JSON value on a ``JSONTape``.
struct JSONToken: Sendable {
    enum Kind: UInt8, Sendable {
        case null, `true`, `false`, number, string, array, object
    }

    var kind: Kind
    /// For strings: the text contained escapes and its decoded bytes are in ``JSONTape/arena``.
    var escaped = false
    /// For numbers: no fraction and no exponent.
    var integer = false
    /// Strings: the content's byte range (in the input, or the arena when ``escaped``); numbers:
    /// the literal's range; containers: the offset of the opening bracket (for messages).
    var start: Int
    var end: Int
    /// Containers: number of elements, or of members (each a key token then a value subtree).
    var count = 0
    /// Containers: index of the first token after this value's subtree.
    var next = 0
}

/// A parsed JSON value as a flat array of tokens in document order (a "tape", as in simdjson):
/// containers are followed by their children, so whole subtrees can be skipped via
/// ``JSONToken/next`` and parsing allocates nothing per value once the arrays have grown.
struct JSONTape: Sendable {
    var tokens: [JSONToken] = []
    /// Decoded text of strings that contained escapes.
    var arena: [UInt8] = []

    mutating func reset() {
        tokens.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with a view of the tape over `input`, the bytes it was parsed from.
    func withView<R, E: Error>(
        input: UnsafeBufferPointer<UInt8>,
        _ body: (JSONTapeView) throws(E) -> R
    ) throws(E) -> R {
        try tokens.withUnsafeBufferPointer { (tokens) throws(E) -> R in
            try arena.withUnsafeBufferPointer { (arena) throws(E) -> R in
                try body(JSONTapeView(tokens: tokens, input: input, arena: arena))
            }
        }
    }
}

/// Read access to a tape and the bytes its tokens point into; valid only inside
/// ``JSONTape/withView(input:_:)``.
struct JSONTapeView {
    let tokens: UnsafeBufferPointer<JSONToken>
    let input: UnsafeBufferPointer<UInt8>
    let arena: UnsafeBufferPointer<UInt8>

    /// The decoded text of string token `t`, or the literal text of number token `t`.
    @inline(__always)
    func text(_ t: Int) -> UnsafeBufferPointer<UInt8> {
        let token = tokens[t]
        return UnsafeBufferPointer(rebasing: (token.escaped ? arena : input)[token.start..<token.end])
    }

    /// The index of the token after value `t` and its children.
    @inline(__always)
    func after(_ t: Int) -> Int {
        let token = tokens[t]
        return token.kind == .array || token.kind == .object ? token.next : t + 1
    }

    /// Appends value `t` as compact JSON text.
    /// - Complexity: O(size of the value).
    func appendJSON(_ t: Int, to out: inout [UInt8]) {
        let token = tokens[t]
        switch token.kind {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .true: out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        case .false: out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .number: out.append(contentsOf: text(t))
        case .string: JSONEscaping.appendString(UnsafeRawBufferPointer(text(t)), to: &out)
        case .array:
            out.append(0x5B)
            var child = t + 1
            for k in 0..<token.count {
                if k > 0 { out.append(0x2C) }
                appendJSON(child, to: &out)
                child = after(child)
            }
            out.append(0x5D)
        case .object:
            out.append(0x7B)
            var member = t + 1
            for k in 0..<token.count {
                if k > 0 { out.append(0x2C) }
                appendJSON(member, to: &out)
                out.append(0x3A)
                appendJSON(member + 1, to: &out)
                member = after(member + 1)
            }
            out.append(0x7D)
        }
    }

    /// A short description of value `t` for messages: `string "abc"`, `number 1.5`, `an object`.
    func describe(_ t: Int) -> String {
        switch tokens[t].kind {
        case .null: "null"
        case .true: "true"
        case .false: "false"
        case .number: "number " + String(decoding: text(t), as: UTF8.self)
        case .string: "string " + TextParsing.preview(text(t))
        case .array: "an array"
        case .object: "an object"
        }
    }
}
