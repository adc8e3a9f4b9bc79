public import LagoaJSON

extension JSONValue {
    /// An object from key/value pairs, in order.
    public static func pairs(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(keys: members.map(\.0), values: members.map(\.1))
    }
}
