import ArgumentParser
import LagoaIngest
import LagoaModels

/// `lagoa validate`: checks lagoa.yaml and sources/ (every error, each at file:line:column).
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the project's files and report every error with its file and line."
    )

    @OptionGroup var projectOptions: ProjectOptions

    func run() async throws {
        try await CLIErrors.reporting {
            let root: String
            if let named = projectOptions.project {
                root = ProcessEnvironment.absolutePath(named)
            } else {
                guard let found = Project.find(from: ProcessEnvironment.absolutePath(".")) else {
                    throw ValidationError("not inside a Lagoa project (no lagoa.yaml here or above); create one with 'lagoa init'")
                }
                root = found
            }
            let (project, errors) = Project.validate(root: root)
            var problems = errors.map(\.message)
            if let project {
                if let env = projectOptions.env {
                    do throws(IngestError) { _ = try project.config.settings(environment: env) } catch { problems.append(error.message) }
                }
                for source in project.sources where source.kind == .postgresql {
                    if let variable = source.passwordEnv, ProcessEnvironment.current[variable] == nil {
                        problems.append("\(source.file): note: environment variable \(variable) (password_env) is not set here")
                    }
                }
            }
            if let project {
                problems += ModelProject.validate(root: root, sources: project.sources).1.map(\.description)
            }
            for problem in problems { CLIErrors.writeError(problem) }
            guard problems.isEmpty || problems.allSatisfy({ $0.contains(": note: ") }) else { throw ExitCode(1) }
            CLIErrors.writeOut("ok: \(root) (\(project?.sources.count ?? 0) sources)\n")
        }
    }
}
