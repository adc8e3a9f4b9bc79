import LagoaCLI

await LagoaCommand.start()
