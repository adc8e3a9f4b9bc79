/// What follows `OVER`: an inline window or the name of one from the `WINDOW` clause.
public enum WindowReference: Hashable, Sendable {
    /// `OVER (…)`.
    case spec(WindowSpec)
    /// `OVER w`.
    case named(Identifier)
}

/// `[base] [PARTITION BY …] [ORDER BY …] [frame]`.
public struct WindowSpec: Hashable, Sendable {
    /// A named window this one extends: `OVER (w ORDER BY x)`.
    public var baseName: Identifier?
    /// `PARTITION BY` keys.
    public var partitionBy: [Expression]
    /// `ORDER BY` keys.
    public var orderBy: [OrderByItem]
    /// The frame clause, if written.
    public var frame: WindowFrameSpec?

    /// Creates a window specification.
    public init(baseName: Identifier? = nil, partitionBy: [Expression] = [], orderBy: [OrderByItem] = [], frame: WindowFrameSpec? = nil) {
        self.baseName = baseName
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
    }
}

/// `ROWS|RANGE|GROUPS start` or `… BETWEEN start AND end`.
public struct WindowFrameSpec: Hashable, Sendable {
    /// The frame units.
    public enum Units: String, Hashable, Sendable {
        case rows = "ROWS"
        case range = "RANGE"
        case groups = "GROUPS"
    }

    /// ROWS, RANGE or GROUPS.
    public var units: Units
    /// The start bound.
    public var start: WindowFrameBound
    /// The end bound (`nil` when written without BETWEEN: the end is CURRENT ROW).
    public var end: WindowFrameBound?

    /// Creates a frame.
    public init(units: Units, start: WindowFrameBound, end: WindowFrameBound? = nil) {
        self.units = units
        self.start = start
        self.end = end
    }
}

/// One end of a window frame.
public enum WindowFrameBound: Hashable, Sendable {
    case unboundedPreceding
    case preceding(Expression)
    case currentRow
    case following(Expression)
    case unboundedFollowing
}

/// `WINDOW name AS (spec)` in a SELECT.
public struct NamedWindow: Hashable, Sendable {
    /// The window name.
    public var name: Identifier
    /// Its definition.
    public var spec: WindowSpec

    /// Creates a named window.
    public init(name: Identifier, spec: WindowSpec) {
        self.name = name
        self.spec = spec
    }
}
