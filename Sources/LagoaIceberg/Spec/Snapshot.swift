/// One version of a table: the files it held at a moment, listed by its manifest list.
public struct Snapshot: Sendable, Hashable {
    public var snapshotID: Int64
    public var parentSnapshotID: Int64?
    /// The data sequence number given to files this snapshot added (v2; 0 for v1 tables).
    public var sequenceNumber: Int64
    public var timestampMillis: Int64
    /// Where the manifest list is (absent only in old v1 tables that list manifests inline).
    public var manifestList: String?
    /// v1 only: the manifests, when there is no manifest list.
    public var v1Manifests: [String]?
    /// `operation` (append, overwrite, delete, replace) plus counters such as `added-records`.
    public var summary: [String: String]
    public var schemaID: Int32?

    public init(
        snapshotID: Int64,
        parentSnapshotID: Int64?,
        sequenceNumber: Int64,
        timestampMillis: Int64,
        manifestList: String?,
        summary: [String: String],
        schemaID: Int32?,
        v1Manifests: [String]? = nil
    ) {
        self.snapshotID = snapshotID
        self.parentSnapshotID = parentSnapshotID
        self.sequenceNumber = sequenceNumber
        self.timestampMillis = timestampMillis
        self.manifestList = manifestList
        self.summary = summary
        self.schemaID = schemaID
        self.v1Manifests = v1Manifests
    }

    /// The summary's `operation`.
    public var operation: String { summary["operation"] ?? "unknown" }
}

/// A named pointer to a snapshot: a branch (moves with commits) or a tag (fixed).
public struct SnapshotRef: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case branch, tag }

    public var snapshotID: Int64
    public var kind: Kind
    public var minSnapshotsToKeep: Int?
    public var maxSnapshotAgeMillis: Int64?
    public var maxRefAgeMillis: Int64?

    public init(snapshotID: Int64, kind: Kind, minSnapshotsToKeep: Int? = nil, maxSnapshotAgeMillis: Int64? = nil, maxRefAgeMillis: Int64? = nil) {
        self.snapshotID = snapshotID
        self.kind = kind
        self.minSnapshotsToKeep = minSnapshotsToKeep
        self.maxSnapshotAgeMillis = maxSnapshotAgeMillis
        self.maxRefAgeMillis = maxRefAgeMillis
    }
}

/// One entry of the snapshot log (when `snapshotID` became current) or of the metadata log.
public struct SnapshotLogEntry: Sendable, Hashable {
    public var timestampMillis: Int64
    public var snapshotID: Int64
}

public struct MetadataLogEntry: Sendable, Hashable {
    public var timestampMillis: Int64
    public var metadataFile: String
}
