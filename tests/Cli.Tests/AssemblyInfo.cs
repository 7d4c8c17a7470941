// Every test here starts deepdsl (or git, tmux, nvim, chromium, Slurm) as processes of their own, whose libtorch, threads,
// environment and working directory are their own: so each class is a collection of its own and collections run in
// parallel. What must not overlap shares a collection: the one local Slurm cluster ("slurm": its fixed ports 6817/6818
// and its ranks' ports, 20000 + job id % 20000, are safe because only this collection uses them), the one trained sweep
// ("finished sweep"). What asserts a time runs alone, after the parallel collections: the terminal's first line
// ("terminal") and a rank stopping within its timeout ("timing"); elsewhere a deadline only ends a test that would hang,
// and is wide. Nothing here trains in this process, seeds libtorch, sets an environment variable or changes the current
// directory (the Generator.Tests reason to run serially).
// Twice as many threads as CPUs (xunit.runner.json): much of a test's time is a child process starting or a test waiting
// on one, so two CPUs keep busy with four tests at once. The longest collections start first (LongestFirst).
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass)]
[assembly: TestCollectionOrderer("DeepDsl.Cli.Tests.LongestFirst", "DeepDsl.Cli.Tests")]
