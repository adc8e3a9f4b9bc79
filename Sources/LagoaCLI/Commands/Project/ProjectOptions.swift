import ArgumentParser
import LagoaIngest

/// `--project` and `--env`, shared by the commands that work inside a project.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The project folder (default: the nearest folder above the working directory holding lagoa.yaml).")
    var project: String?

    @Option(help: "An environment of lagoa.yaml (its warehouse and catalog override the top-level ones).")
    var env: String?

    /// The project, or `nil` when there is none and none was named.
    func find() throws -> Project? {
        if let project {
            let root = ProcessEnvironment.absolutePath(project)
            guard Project.find(from: root) == root else {
                throw ValidationError("no lagoa.yaml in \(root); create a project there with 'lagoa init \(project)'")
            }
            return try Project.load(root: root)
        }
        guard let root = Project.find(from: ProcessEnvironment.absolutePath(".")) else { return nil }
        return try Project.load(root: root)
    }

    /// The project, or an error telling how to make one.
    func load() throws -> Project {
        guard let found = try find() else {
            throw ValidationError("not inside a Lagoa project (no lagoa.yaml here or above); create one with 'lagoa init', or pass --project DIR")
        }
        return found
    }

    /// `lake` with the project's warehouse and catalog where the command line and environment
    /// name none; relative paths are resolved against the project folder.
    func lake(_ lake: LakeOptions, for project: Project) throws -> LakeOptions {
        let settings = try project.config.settings(environment: env)
        let environment = ProcessEnvironment.current
        var out = lake
        if out.warehouse == nil && environment["LAGOA_WAREHOUSE"] == nil {
            out.warehouse = settings.warehouse.contains("://") ? settings.warehouse : project.resolve(settings.warehouse)
        }
        if out.catalog == nil && environment["LAGOA_CATALOG"] == nil, let catalog = settings.catalog {
            if catalog.hasPrefix("sqlite:") {
                let path = String(catalog.dropFirst(7))
                out.catalog = "sqlite:" + project.resolve(path.hasPrefix("//") ? String(path.dropFirst(2)) : path)
            } else {
                out.catalog = catalog
            }
        }
        return out
    }
}
