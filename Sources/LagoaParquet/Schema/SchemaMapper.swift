import LagoaColumnar

/// Maps the Parquet schema tree to Arrow fields and ``ColumnShape``s, following the Parquet
/// LogicalTypes.md rules, including the backward-compatibility rules for two-level lists and
/// unannotated repeated fields.
struct SchemaMapper {
    private(set) var columns: [ColumnDescriptor] = []

    mutating func shape(_ node: SchemaNode, parentDefinition: Int, parentRepetition: Int, path: [String]) throws(ParquetError) -> ColumnShape {
        let element = node.element
        let repetition = element.repetitionType ?? .optional
        let path = path + [element.name]
        if repetition == .repeated {
            // An unannotated repeated field is a required list of its values.
            let definition = parentDefinition + 1
            let inner = try shapeAsRequired(node, definition: definition, repetition: parentRepetition + 1, path: path)
            let field = Field(element.name, .list(inner.field), nullable: false, id: element.fieldId)
            return .list(field: field, definedAt: parentDefinition, elementDefinedAt: definition, repetition: parentRepetition + 1, element: inner)
        }
        let definition = parentDefinition + (repetition == .optional ? 1 : 0)
        let nullable = repetition == .optional
        if node.isGroup {
            if isList(element) {
                return try listShape(node, definition: definition, repetition: parentRepetition, nullable: nullable, path: path)
            }
            if isMap(element) {
                return try mapShape(node, definition: definition, repetition: parentRepetition, nullable: nullable, path: path)
            }
            var children: [ColumnShape] = []
            for child in node.children {
                children.append(try shape(child, parentDefinition: definition, parentRepetition: parentRepetition, path: path))
            }
            let field = Field(element.name, .struct(children.map(\.field)), nullable: nullable, id: element.fieldId)
            return .structure(field: field, definedAt: definition, children: children)
        }
        return try leafShape(element, definition: definition, repetition: parentRepetition, nullable: nullable, path: path)
    }

    /// The shape of a repeated node's single value (the node treated as required at its levels).
    private mutating func shapeAsRequired(_ node: SchemaNode, definition: Int, repetition: Int, path: [String]) throws(ParquetError) -> ColumnShape {
        if node.isGroup {
            var children: [ColumnShape] = []
            for child in node.children {
                children.append(try shape(child, parentDefinition: definition, parentRepetition: repetition, path: path))
            }
            let field = Field(node.element.name, .struct(children.map(\.field)), nullable: false, id: node.element.fieldId)
            return .structure(field: field, definedAt: definition, children: children)
        }
        return try leafShape(node.element, definition: definition, repetition: repetition, nullable: false, path: path)
    }

    private func isList(_ element: SchemaElement) -> Bool {
        if case .list = element.logicalType { return true }
        return element.convertedType == .list
    }

    private func isMap(_ element: SchemaElement) -> Bool {
        if case .map = element.logicalType { return true }
        return element.convertedType == .map || element.convertedType == .mapKeyValue
    }

    private mutating func listShape(_ node: SchemaNode, definition: Int, repetition: Int, nullable: Bool, path: [String]) throws(ParquetError) -> ColumnShape {
        guard node.children.count == 1, let repeated = node.children.first, repeated.element.repetitionType == .repeated else {
            throw ParquetError.corrupt("LIST group '\(node.element.name)' must have exactly one repeated child")
        }
        let elementDefinition = definition + 1
        let elementRepetition = repetition + 1
        let inner: ColumnShape
        let repeatedPath = path + [repeated.element.name]
        let isLegacyElement = !repeated.isGroup
            || repeated.children.count > 1
            || repeated.element.name == "array"
            || repeated.element.name == node.element.name + "_tuple"
        if isLegacyElement {
            inner = try shapeAsRequired(repeated, definition: elementDefinition, repetition: elementRepetition, path: repeatedPath)
        } else {
            inner = try shape(repeated.children[0], parentDefinition: elementDefinition, parentRepetition: elementRepetition, path: repeatedPath)
        }
        let field = Field(node.element.name, .list(inner.field), nullable: nullable, id: node.element.fieldId)
        return .list(field: field, definedAt: definition, elementDefinedAt: elementDefinition, repetition: elementRepetition, element: inner)
    }

    private mutating func mapShape(_ node: SchemaNode, definition: Int, repetition: Int, nullable: Bool, path: [String]) throws(ParquetError) -> ColumnShape {
        guard node.children.count == 1, let keyValue = node.children.first, keyValue.element.repetitionType == .repeated,
              keyValue.isGroup, (1...2).contains(keyValue.children.count)
        else {
            throw ParquetError.corrupt("MAP group '\(node.element.name)' must have one repeated key_value group with a key and a value")
        }
        let elementDefinition = definition + 1
        let elementRepetition = repetition + 1
        let entryPath = path + [keyValue.element.name]
        var children: [ColumnShape] = []
        for child in keyValue.children {
            children.append(try shape(child, parentDefinition: elementDefinition, parentRepetition: elementRepetition, path: entryPath))
        }
        guard children.count == 2 else {
            throw ParquetError.unsupported("MAP group '\(node.element.name)' has keys but no values; Lagoa reads maps with both")
        }
        var keyField = children[0].field
        keyField.nullable = false
        let entries = Field(keyValue.element.name, .struct([keyField, children[1].field]), nullable: false)
        let entryShape = ColumnShape.structure(field: entries, definedAt: elementDefinition, children: children)
        let type = DataType.map(key: keyField, value: children[1].field, keysSorted: false)
        let field = Field(node.element.name, type, nullable: nullable, id: node.element.fieldId)
        return .list(field: field, definedAt: definition, elementDefinedAt: elementDefinition, repetition: elementRepetition, element: entryShape)
    }

    private mutating func leafShape(_ element: SchemaElement, definition: Int, repetition: Int, nullable: Bool, path: [String]) throws(ParquetError) -> ColumnShape {
        let (type, metadata) = try ArrowTypeMapping.arrowType(for: element, path: path.joined(separator: "."))
        let index = columns.count
        columns.append(ColumnDescriptor(path: path, element: element, maxDefinitionLevel: definition, maxRepetitionLevel: repetition, arrowType: type))
        let field = Field(element.name, type, nullable: nullable, id: element.fieldId, metadata: metadata)
        return .leaf(field: field, leaf: index, maxDefinition: definition)
    }
}
