using System.Diagnostics;

namespace DeepDsl.Cli.Tests;

/// <summary>
/// The local cluster behaves as the sweep executor relies on: a job array runs its tasks side by side
/// and `sbatch --wait` returns when all are done; a job signalled before its end requeues itself,
/// restarts with SLURM_RESTART_COUNT=1, and keeps one appended log across both starts.
/// </summary>
[Collection("slurm")]
public sealed class SlurmClusterTests(SlurmCluster cluster)
{
    [Fact]
    public void A_job_array_of_four_tasks_runs_side_by_side_and_sbatch_wait_returns_when_all_are_done()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-slurm-array-").FullName;
        File.WriteAllText(Path.Combine(folder, "task.sh"), """
            #!/bin/bash
            start=$(date +%s%N); sleep 2
            echo "$SLURM_ARRAY_TASK_ID $start $(date +%s%N)" > "task-$SLURM_ARRAY_TASK_ID.done"
            """);

        var submit = cluster.Run("sbatch --wait --array=0-3 --cpus-per-task=1 --output=slurm-%A_%a.out task.sh", folder, timeoutSeconds: 60);

        Assert.True(submit.Exit == 0, $"{submit}\n{cluster.LogTails()}");
        var tasks = Enumerable.Range(0, 4).Select(id => Path.Combine(folder, $"task-{id}.done")).ToArray();
        Assert.All(tasks, path => Assert.True(File.Exists(path), $"{path} is missing: the task did not run\n{cluster.LogTails()}"));
        var spans = tasks.Select(path => File.ReadAllText(path).Split(' ').Select(long.Parse).ToArray()).ToArray();
        Assert.Equal([0, 1, 2, 3], spans.Select(span => span[0]));
        var overlapping = spans.SelectMany(a => spans.Where(b => a != b && a[1] < b[2] && b[1] < a[2])).Any();
        // The node has as many CPUs as this machine (nproc): with one, the tasks can only run in turn.
        if (Environment.ProcessorCount >= 2) Assert.True(overlapping, "two 1-CPU tasks run at once on a node with 2 CPUs or more");
    }

    [Fact]
    public void A_job_that_requeues_itself_on_usr1_restarts_with_restart_count_one_and_one_appended_log()
    {
        var folder = Directory.CreateTempSubdirectory("deepdsl-slurm-requeue-").FullName;
        File.WriteAllText(Path.Combine(folder, "job.sh"), """
            #!/bin/bash
            echo "start restart=${SLURM_RESTART_COUNT-unset}"
            if [ -n "${SLURM_RESTART_COUNT-}" ]; then echo "finished"; exit 0; fi
            trap 'echo "usr1"; scontrol requeue "$SLURM_JOB_ID"; exit 0' USR1
            sleep 60 & wait
            """);
        var log = Path.Combine(folder, "job.log");

        var submit = cluster.Run("sbatch --parsable --open-mode=append --output=job.log job.sh", folder);
        Assert.True(submit.Exit == 0, submit.ToString());
        var job = submit.Output.Trim();
        WaitFor(() => File.Exists(log) && File.ReadAllText(log).Contains("start restart=unset"), "the first start", 30);
        var signal = cluster.Run($"scancel --signal=USR1 --batch {job}", folder);
        Assert.True(signal.Exit == 0, signal.ToString());
        WaitFor(() => cluster.Run($"scontrol -o show job {job}", folder).Output.Contains("JobState=COMPLETED"), "the restarted job to complete", 40);

        var lines = File.ReadAllLines(log).Where(line => !line.StartsWith("slurmstepd", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["start restart=unset", "usr1", "start restart=1", "finished"], lines);
        Assert.Contains("Restarts=1", cluster.Run($"scontrol -o show job {job}", folder).Output);

        void WaitFor(Func<bool> condition, string what, int seconds)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
                    Assert.Fail($"waited {seconds} s for {what}\n--- job.log\n{(File.Exists(log) ? File.ReadAllText(log) : "(none)")}\n{cluster.LogTails()}");
                Thread.Sleep(200);
            }
        }
    }
}
