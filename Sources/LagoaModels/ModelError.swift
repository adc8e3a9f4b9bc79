/// What went wrong in a project's models, where, and how to fix it.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A template construct Lagoa does not understand, or one that is not closed.
        case template
        /// `ref()` to a model that does not exist, or `--select` of an unknown model.
        case unknownModel
        /// Models that depend on each other in a circle.
        case cycle
        /// Two models with the same name.
        case duplicate
        /// A model YAML file or a model's place in models/ that is wrong.
        case configuration
        /// The model's SQL failed, or writing its table did.
        case execution
    }

    public var code: Code
    public var message: String
    /// `models/sales/sot/customers.sql:3:14`, when the error has a place.
    public var location: String?

    public init(_ code: Code, _ message: String, location: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String { location.map { "\($0): \(message)" } ?? message }
}
