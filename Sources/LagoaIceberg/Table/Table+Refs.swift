extension Table {
    /// Makes `snapshotID` (an ancestor of the current snapshot) current again; later snapshots stay
    /// in the history and can be restored the same way.
    /// - Throws: ``IcebergError/Code/notFound`` for an unknown id, ``IcebergError/Code/invalidArgument``
    ///   when it is not an ancestor (use ``setCurrentSnapshot(_:)`` for that).
    public func rollback(to snapshotID: Int64) async throws(IcebergError) -> Table {
        try await catalog.commit(identifier) { base throws(IcebergError) in
            guard base.metadata.snapshot(id: snapshotID) != nil else {
                throw IcebergError(.notFound, "table '\(identifier)' has no snapshot \(snapshotID); see 'lagoa table history \(identifier)'")
            }
            guard base.metadata.ancestors(of: base.metadata.currentSnapshotID).contains(where: { $0.snapshotID == snapshotID }) else {
                throw IcebergError(.invalidArgument, "snapshot \(snapshotID) is not an ancestor of the current snapshot of '\(identifier)'")
            }
            return base.metadata.settingRef(TableMetadata.mainBranch, to: snapshotID, kind: .branch)
        }
    }

    /// Makes any snapshot of the table current.
    public func setCurrentSnapshot(_ snapshotID: Int64) async throws(IcebergError) -> Table {
        try await catalog.commit(identifier) { base throws(IcebergError) in
            guard base.metadata.snapshot(id: snapshotID) != nil else {
                throw IcebergError(.notFound, "table '\(identifier)' has no snapshot \(snapshotID)")
            }
            return base.metadata.settingRef(TableMetadata.mainBranch, to: snapshotID, kind: .branch)
        }
    }

    /// Creates a branch or tag at `snapshotID` (the current snapshot when nil).
    /// - Throws: ``IcebergError/Code/alreadyExists`` when the name is taken.
    public func createRef(_ name: String, kind: SnapshotRef.Kind, at snapshotID: Int64? = nil) async throws(IcebergError) -> Table {
        try Namespace.validate(name: name, kind: kind == .branch ? "branch" : "tag")
        return try await catalog.commit(identifier) { base throws(IcebergError) in
            guard base.metadata.refs[name] == nil else {
                throw IcebergError(.alreadyExists, "table '\(identifier)' already has a branch or tag named '\(name)'")
            }
            guard let target = snapshotID ?? base.metadata.currentSnapshotID else {
                throw IcebergError(.invalidArgument, "table '\(identifier)' has no snapshot yet to put '\(name)' on")
            }
            guard base.metadata.snapshot(id: target) != nil else {
                throw IcebergError(.notFound, "table '\(identifier)' has no snapshot \(target)")
            }
            return base.metadata.settingRef(name, to: target, kind: kind)
        }
    }

    /// Removes a branch or tag (not `main`).
    public func dropRef(_ name: String) async throws(IcebergError) -> Table {
        guard name != TableMetadata.mainBranch else {
            throw IcebergError(.invalidArgument, "the main branch cannot be removed")
        }
        return try await catalog.commit(identifier) { base throws(IcebergError) in
            guard base.metadata.refs[name] != nil else {
                throw IcebergError(.notFound, "table '\(identifier)' has no branch or tag '\(name)'")
            }
            var next = base.metadata
            next.refs[name] = nil
            return next
        }
    }

    /// Moves `target` (normally `main`) forward to the head of branch `source`: publishes what was
    /// staged on the branch. Only a fast-forward: `target`'s head must be an ancestor of `source`'s.
    public func fastForward(_ target: String = TableMetadata.mainBranch, to source: String) async throws(IcebergError) -> Table {
        try await catalog.commit(identifier) { base throws(IcebergError) in
            let m = base.metadata
            guard let head = m.refs[source], head.kind == .branch else {
                throw IcebergError(.notFound, "table '\(identifier)' has no branch '\(source)'")
            }
            let targetHead = m.snapshot(ref: target)?.snapshotID
            if targetHead == head.snapshotID { return nil }
            if let targetHead, !m.ancestors(of: head.snapshotID).contains(where: { $0.snapshotID == targetHead }) {
                throw IcebergError(
                    .commitConflict,
                    "cannot fast-forward '\(target)' to '\(source)': '\(target)' has commits that '\(source)' does not; rebuild the branch from '\(target)'"
                )
            }
            return m.settingRef(target, to: head.snapshotID, kind: .branch)
        }
    }
}

extension TableMetadata {
    /// A copy with ref `name` at `snapshotID` (and, for `main`, the current snapshot and log updated).
    func settingRef(_ name: String, to snapshotID: Int64, kind: SnapshotRef.Kind) -> TableMetadata {
        var next = self
        var ref = next.refs[name] ?? SnapshotRef(snapshotID: snapshotID, kind: kind)
        ref.snapshotID = snapshotID
        next.refs[name] = ref
        if name == TableMetadata.mainBranch {
            next.currentSnapshotID = snapshotID
            next.snapshotLog.append(SnapshotLogEntry(timestampMillis: max(Identifiers.nowMillis(), lastUpdatedMillis + 1), snapshotID: snapshotID))
        }
        return next
    }
}
