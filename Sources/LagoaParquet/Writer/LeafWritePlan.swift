import LagoaColumnar

/// Everything the writer decides once per leaf column, before any data arrives: where the leaf sits
/// in its top-level Arrow column, how its values become physical values, which encodings it uses
/// and how its statistics are ordered.
struct LeafWritePlan: Sendable {
    /// The leaf's index among the file's leaf columns.
    let leaf: Int
    /// The index of the top-level field the leaf belongs to.
    let topLevel: Int
    let descriptor: ColumnDescriptor
    /// The nodes from the top-level column down to the leaf.
    let steps: [ShredStep]
    let conversion: PhysicalConversion
    let order: StatisticsOrder
    /// Whether data pages start dictionary-encoded.
    let dictionary: Bool
    /// The encoding used without a dictionary, or after the dictionary grew too large.
    let fallbackEncoding: Encoding

    /// The dotted Parquet path, as errors name the column.
    var name: String { descriptor.dottedPath }

    /// Plans every leaf of `schema`.
    /// - Parameters:
    ///   - schema: the Parquet schema built from `arrowSchema`.
    ///   - arrowSchema: the writer's schema, whose leaf types the batches carry.
    ///   - options: the write options (dictionary, encodings, page version).
    /// - Throws: ``ParquetError`` (invalid argument) when `columnEncodings` names an unknown column or
    ///   an encoding its physical type cannot use.
    /// - Complexity: O(schema nodes).
    static func plans(
        for schema: ParquetSchema,
        arrowSchema: Schema,
        options: ParquetWriteOptions
    ) throws(ParquetError) -> [LeafWritePlan] {
        let topNames = schema.shapes.map(\.field.name)
        for name in options.columnEncodings.keys.sorted() where !topNames.contains(name) {
            throw ParquetError(
                .invalidArgument,
                "columnEncodings names column '\(name)', which the schema does not have (columns: \(topNames.joined(separator: ", ")))"
            )
        }
        var plans: [LeafWritePlan] = []
        for (top, shape) in schema.shapes.enumerated() {
            var paths: [(Int, [ShredStep])] = []
            collect(shape, prefix: [], into: &paths)
            let requested = options.columnEncodings[shape.field.name]
            if let requested, paths.count > 1 {
                // A nested column applies its encoding to the leaves that can use it, and needs one.
                let physicalTypes = paths.map { schema.columns[$0.0].physicalType }
                guard physicalTypes.contains(where: { allowedEncodings($0).contains(requested) }) else {
                    throw ParquetError(
                        .invalidArgument,
                        "encoding \(requested) cannot encode any leaf of column '\(shape.field.name)' (physical types \(physicalTypes.map(\.description).joined(separator: ", ")))"
                    )
                }
            }
            for (leaf, steps) in paths {
                let descriptor = schema.columns[leaf]
                let arrowType = leafType(of: arrowSchema.fields[top].type, steps: steps) ?? descriptor.arrowType
                let physical = descriptor.physicalType
                let applicable = paths.count == 1 || requested.map { allowedEncodings(physical).contains($0) } == true
                let encoding = try fallbackEncoding(
                    physical, requested: applicable ? requested : nil, options: options, column: descriptor.dottedPath)
                plans.append(
                    LeafWritePlan(
                        leaf: leaf,
                        topLevel: top,
                        descriptor: descriptor,
                        steps: steps,
                        conversion: try PhysicalConversion(arrowType: arrowType, descriptor: descriptor),
                        order: StatisticsOrder(arrowType: arrowType, descriptor: descriptor),
                        dictionary: options.dictionary && physical != .boolean,
                        fallbackEncoding: encoding
                    ))
            }
        }
        return plans.sorted { $0.leaf < $1.leaf }
    }

    /// The Arrow type at the end of `steps`, starting from a top-level type.
    static func leafType(of type: DataType, steps: [ShredStep]) -> DataType? {
        var current = type
        for step in steps {
            switch (step, current) {
            case (.structure(let child, _, _), .struct(let fields)) where child < fields.count:
                current = fields[child].type
            case (.list, .list(let element)):
                current = element.type
            case (.list, .map(let key, let value, _)):
                current = .struct([key, value])
            case (.leaf, _):
                return current
            default:
                return nil
            }
        }
        return nil
    }

    /// Appends the step path of every leaf under `shape`.
    private static func collect(_ shape: ColumnShape, prefix: [ShredStep], into paths: inout [(Int, [ShredStep])]) {
        switch shape {
        case .leaf(let field, let leaf, let maxDefinition):
            paths.append((leaf, prefix + [.leaf(maxDefinition: maxDefinition, nullable: field.nullable)]))
        case .structure(let field, let definedAt, let children):
            for (k, child) in children.enumerated() {
                let step = ShredStep.structure(child: k, definedAt: definedAt, nullable: field.nullable)
                collect(child, prefix: prefix + [step], into: &paths)
            }
        case .list(let field, let definedAt, let elementDefinedAt, let repetition, let element):
            let step = ShredStep.list(
                definedAt: definedAt, elementDefinedAt: elementDefinedAt, repetition: repetition, nullable: field.nullable)
            collect(element, prefix: prefix + [step], into: &paths)
        }
    }

    /// The non-dictionary encodings the writer can use for `physical` values.
    static func allowedEncodings(_ physical: PhysicalType) -> [Encoding] {
        switch physical {
        case .boolean: [.plain, .rle]
        case .int32, .int64: [.plain, .deltaBinaryPacked, .byteStreamSplit]
        case .float, .double: [.plain, .byteStreamSplit]
        case .byteArray: [.plain, .deltaLengthByteArray, .deltaByteArray]
        default: [.plain, .deltaByteArray, .byteStreamSplit]
        }
    }

    /// The non-dictionary encoding for a leaf of physical type `physical`.
    /// - Throws: ``ParquetError`` (invalid argument) when `requested` does not fit the type.
    static func fallbackEncoding(
        _ physical: PhysicalType,
        requested: Encoding?,
        options: ParquetWriteOptions,
        column: String
    ) throws(ParquetError) -> Encoding {
        let allowed = allowedEncodings(physical)
        if let requested {
            guard allowed.contains(requested) else {
                let hint =
                    requested == .rleDictionary || requested == .plainDictionary
                    ? "; dictionary encoding is chosen with the `dictionary` option" : ""
                throw ParquetError(
                    .invalidArgument,
                    "encoding \(requested) cannot encode column '\(column)' of physical type \(physical); use one of \(allowed.map(\.description).joined(separator: ", "))\(hint)"
                )
            }
            return requested
        }
        switch physical {
        case .boolean: return options.dataPageVersion == .v2 ? .rle : .plain
        case .int32, .int64: return options.deltaEncodings ? .deltaBinaryPacked : .plain
        case .byteArray: return options.deltaEncodings ? .deltaLengthByteArray : .plain
        default: return .plain
        }
    }
}

/// One node on the way from a top-level column to a leaf, with the levels the reader's
/// ``ColumnShape`` expects.
enum ShredStep: Sendable, Hashable {
    /// A struct; the path continues into field `child`. Present iff the definition level ≥ `definedAt`.
    case structure(child: Int, definedAt: Int, nullable: Bool)
    /// A list or map: non-null at `definedAt`, non-empty at `elementDefinedAt`; elements after the
    /// first repeat at `repetition`.
    case list(definedAt: Int, elementDefinedAt: Int, repetition: Int, nullable: Bool)
    /// The leaf; a value is present at `maxDefinition`.
    case leaf(maxDefinition: Int, nullable: Bool)
}
