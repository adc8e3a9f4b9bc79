public import LagoaColumnar

/// The schema of a Parquet file: the flat list of schema elements from the footer, rebuilt as a
/// tree and mapped to an Arrow ``Schema``, with one ``ColumnDescriptor`` per leaf.
public struct ParquetSchema: Sendable {
    /// The elements as stored in the footer (depth-first, root first).
    public let elements: [SchemaElement]
    /// Leaf columns in file order.
    public let columns: [ColumnDescriptor]
    /// The Arrow schema of the top-level fields.
    public let arrowSchema: Schema
    /// For each top-level field, how it is assembled from leaves.
    let shapes: [ColumnShape]

    /// Builds the tree from footer elements and maps it to Arrow.
    /// - Throws: ``ParquetError`` (corrupt file) when the element list is malformed, or
    ///   (unsupported) for types Lagoa cannot represent.
    public init(elements: [SchemaElement]) throws(ParquetError) {
        guard let root = elements.first else {
            throw ParquetError.corrupt("the schema has no root element")
        }
        var position = 1
        var topLevel: [SchemaNode] = []
        let rootChildren = Int(root.numChildren ?? 0)
        guard rootChildren >= 0, rootChildren < elements.count else {
            throw ParquetError.corrupt("the schema root claims \(rootChildren) children but the schema has \(elements.count) elements")
        }
        for _ in 0..<rootChildren {
            topLevel.append(try SchemaNode.parse(elements, &position, depth: 1))
        }
        guard position == elements.count else {
            throw ParquetError.corrupt("the schema has \(elements.count - position) elements not reachable from the root")
        }
        var mapper = SchemaMapper()
        var shapes: [ColumnShape] = []
        for node in topLevel {
            shapes.append(try mapper.shape(node, parentDefinition: 0, parentRepetition: 0, path: []))
        }
        self.elements = elements
        self.columns = mapper.columns
        self.shapes = shapes
        self.arrowSchema = Schema(shapes.map(\.field))
    }

    /// Indices of the top-level fields named in `names` (all when `nil`).
    /// - Throws: ``ParquetError`` (invalid argument) naming an unknown column and listing the known ones.
    public func topLevelIndices(_ names: [String]?) throws(ParquetError) -> [Int] {
        guard let names else { return Array(arrowSchema.fields.indices) }
        var result: [Int] = []
        for name in names {
            guard let i = arrowSchema.index(of: name) else {
                let known = arrowSchema.fields.map(\.name).joined(separator: ", ")
                throw ParquetError(.invalidArgument, "no column named '\(name)' (columns: \(known))")
            }
            result.append(i)
        }
        return result
    }
}

/// A schema element with its children: the footer's flat list rebuilt as a tree.
struct SchemaNode {
    var element: SchemaElement
    var children: [SchemaNode]

    var isGroup: Bool { element.numChildren != nil && element.type == nil || !children.isEmpty }

    static let maximumDepth = 64

    static func parse(_ elements: [SchemaElement], _ position: inout Int, depth: Int) throws(ParquetError) -> SchemaNode {
        guard depth <= maximumDepth else {
            throw ParquetError.corrupt("the schema is nested deeper than \(maximumDepth) levels")
        }
        guard position < elements.count else {
            throw ParquetError.corrupt("the schema ends early: element \(position) is missing")
        }
        let element = elements[position]
        position += 1
        let childCount = Int(element.numChildren ?? 0)
        guard childCount >= 0, childCount <= elements.count - position else {
            throw ParquetError.corrupt("schema element '\(element.name)' claims \(childCount) children but only \(elements.count - position) elements follow")
        }
        if childCount == 0 && element.type == nil && element.numChildren != nil {
            throw ParquetError.corrupt("schema group '\(element.name)' has no children")
        }
        if childCount == 0 && element.type == nil {
            throw ParquetError.corrupt("schema element '\(element.name)' has neither a type nor children")
        }
        var children: [SchemaNode] = []
        children.reserveCapacity(childCount)
        for _ in 0..<childCount {
            children.append(try parse(elements, &position, depth: depth + 1))
        }
        return SchemaNode(element: element, children: children)
    }
}
