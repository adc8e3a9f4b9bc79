import LagoaCLI

await LagoaCommand.main()
