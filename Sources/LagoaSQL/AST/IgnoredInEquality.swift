/// Wraps a value that must not take part in `==` or hashing: AST nodes keep their ``SourceSpan``
/// this way so that two parses of differently formatted text compare equal.
@propertyWrapper
public struct IgnoredInEquality<Value: Sendable>: Hashable, Sendable {
    /// The wrapped value.
    public var wrappedValue: Value

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    /// Always `true`: the wrapped value is metadata, not content.
    public static func == (lhs: Self, rhs: Self) -> Bool { true }

    /// Hashes nothing, consistent with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {}
}
