using DeepDsl.Generated;
using DeepDsl.Reporting;

// `dotnet run` lists the experiments generated from experiments/*.yaml; `dotnet run -- NAME [EPOCHS]` trains one through
// the run layer `deepdsl run` uses (DeepDsl.Runs.ExperimentRun): the model summary, a line per epoch, then the run folder
// (under runs/) and how it ended.
// A spec, data or machine error is one line on stderr and exit code 1.
// One experiment from code: ExperimentConsole.Run(new Cifar10SeluExperiment(), new DeepDsl.Runs.RunOptions(Epochs: 3)).
return ExperimentConsole.Run(ExperimentCatalog.All, args);
