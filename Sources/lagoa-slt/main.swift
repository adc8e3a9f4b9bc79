import LagoaSQLLogicTest

// Replaced by the runner's command line.
