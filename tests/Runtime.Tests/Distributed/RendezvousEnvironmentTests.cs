using DeepDsl.Distributed;

namespace DeepDsl.Runtime.Tests.Distributed;

/// <summary>Environment in, rank, world and rendezvous address out: torchrun's variables, DeepDsl's launcher, and Slurm's srun.</summary>
public sealed class RendezvousEnvironmentTests
{
    private static Rendezvous? Read(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return RendezvousEnvironment.Read(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void No_variables_is_a_single_process() => Assert.Null(Read());

    [Fact]
    public void A_world_of_one_is_a_single_process() => Assert.Null(Read(("WORLD_SIZE", "1"), ("RANK", "0")));

    [Fact]
    public void Torchrun_variables_give_rank_world_and_master()
    {
        var r = Read(("RANK", "1"), ("WORLD_SIZE", "4"), ("MASTER_ADDR", "10.0.0.7"), ("MASTER_PORT", "29400"))!;
        Assert.Equal((1, 4, "10.0.0.7", 29400, (string?)null), (r.Rank, r.WorldSize, r.MasterAddress, r.MasterPort, r.StoreFile));
        Assert.Equal(Rendezvous.DefaultTimeout, r.Timeout);
        Assert.False(r.IsLoopback);
    }

    [Fact]
    public void The_local_launchers_store_file_needs_no_address()
    {
        var r = Read(("RANK", "0"), ("WORLD_SIZE", "2"), ("DEEPDSL_DIST_STORE_FILE", "/tmp/x/store"))!;
        Assert.Equal(("/tmp/x/store", true), (r.StoreFile, r.IsLoopback));
    }

    [Fact]
    public void The_timeout_comes_from_DEEPDSL_DIST_TIMEOUT() =>
        Assert.Equal(TimeSpan.FromSeconds(2.5), Read(("RANK", "0"), ("WORLD_SIZE", "2"), ("MASTER_ADDR", "127.0.0.1"), ("DEEPDSL_DIST_TIMEOUT", "2.5"))!.Timeout);

    [Theory]
    [InlineData("RANK", "2", "outside a world of 2")]
    [InlineData("RANK", "-1", "RANK='-1' is not a whole number")]
    [InlineData("MASTER_PORT", "70000", "not a TCP port")]
    [InlineData("DEEPDSL_DIST_TIMEOUT", "soon", "DEEPDSL_DIST_TIMEOUT='soon'")]
    public void Unusable_variables_are_named(string name, string value, string expected)
    {
        var variables = new Dictionary<string, string> { ["RANK"] = "0", ["WORLD_SIZE"] = "2", ["MASTER_ADDR"] = "127.0.0.1", [name] = value };
        var error = Assert.Throws<DistributedException>(() => Read([.. variables.Select(kv => (kv.Key, kv.Value))]));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_world_without_a_rank_is_an_error() =>
        Assert.Contains("RANK is not", Assert.Throws<DistributedException>(() => Read(("WORLD_SIZE", "2"), ("MASTER_ADDR", "h"))).Message);

    [Fact]
    public void Srun_gives_rank_world_first_node_and_a_port_from_the_job_id()
    {
        var r = Read(("SLURM_STEP_ID", "0"), ("SLURM_PROCID", "3"), ("SLURM_NTASKS", "4"), ("SLURM_JOB_ID", "123456"),
            ("SLURM_JOB_NODELIST", "gpu[07-08],cpu1"))!;
        Assert.Equal((3, 4, "gpu07", 20000 + 123456 % 20000), (r.Rank, r.WorldSize, r.MasterAddress, r.MasterPort));
    }

    [Fact]
    public void The_steps_node_list_is_preferred_to_the_jobs() =>
        Assert.Equal("n2", Read(("SLURM_STEP_ID", "1"), ("SLURM_PROCID", "0"), ("SLURM_NTASKS", "2"),
            ("SLURM_JOB_NODELIST", "n[1-2]"), ("SLURM_STEP_NODELIST", "n2"))!.MasterAddress);

    [Fact]
    public void A_batch_script_outside_srun_is_a_single_process() =>
        Assert.Null(Read(("SLURM_PROCID", "0"), ("SLURM_NTASKS", "4"), ("SLURM_JOB_NODELIST", "n[1-2]")));

    [Fact]
    public void Explicit_variables_win_over_slurms()
    {
        var r = Read(("SLURM_STEP_ID", "0"), ("SLURM_PROCID", "1"), ("SLURM_NTASKS", "2"), ("SLURM_JOB_NODELIST", "n1"),
            ("RANK", "0"), ("WORLD_SIZE", "2"), ("MASTER_ADDR", "127.0.0.1"))!;
        Assert.Equal((0, "127.0.0.1"), (r.Rank, r.MasterAddress));
    }

    [Fact]
    public void Slurm_master_address_and_port_can_be_given()
    {
        var r = Read(("SLURM_STEP_ID", "0"), ("SLURM_PROCID", "0"), ("SLURM_NTASKS", "2"), ("SLURM_JOB_NODELIST", "n1"),
            ("MASTER_ADDR", "127.0.0.1"), ("MASTER_PORT", "31000"))!;
        Assert.Equal(("127.0.0.1", 31000), (r.MasterAddress, r.MasterPort));
    }
}
