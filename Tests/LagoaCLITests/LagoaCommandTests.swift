import ArgumentParser
@testable import LagoaCLI
import Testing

@Suite("lagoa command line")
struct LagoaCommandTests {
    @Test("help lists the subcommands and --version prints the version")
    func helpAndVersion() {
        let help = LagoaCommand.helpMessage()
        #expect(help.contains("parquet"))
        #expect(help.contains("convert"))
        #expect(LagoaCommand.configuration.version == LagoaCommand.version)
        let parquetHelp = LagoaCommand.helpMessage(for: ParquetCommand.self)
        for sub in ["schema", "head", "stats"] { #expect(parquetHelp.contains(sub)) }
    }
}
