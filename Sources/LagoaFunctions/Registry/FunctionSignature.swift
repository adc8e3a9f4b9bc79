public import LagoaColumnar

/// What binding a function to argument types decided: the types the binder must cast the arguments
/// to (implicit coercion), and the type of the result.
public struct FunctionSignature: Sendable, Hashable {
    /// One type per argument; the binder inserts a cast wherever an argument's type differs.
    public var argumentTypes: [DataType]
    public var returnType: DataType

    public init(argumentTypes: [DataType], returnType: DataType) {
        self.argumentTypes = argumentTypes
        self.returnType = returnType
    }
}
