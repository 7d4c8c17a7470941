using System.Diagnostics;

namespace DeepDsl.Generator.Tests;

/// <summary>A test that needs a Slurm cluster answering on this machine (scripts/slurm-local.sh up); skipped, with the reason, otherwise.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (Unavailable() is { } reason) Skip = reason;
    }

    private static string? Unavailable()
    {
        try
        {
            using var sinfo = Process.Start(new ProcessStartInfo("sinfo", "-h -o %T") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            if (!sinfo.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                sinfo.Kill();
                return "no Slurm cluster answers (sinfo did not return within 10 s); start one with scripts/slurm-local.sh up";
            }
            return sinfo.ExitCode == 0 ? null : "no Slurm cluster answers (sinfo failed); start one with scripts/slurm-local.sh up";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "Slurm is not installed (sinfo is not on PATH); start a local cluster with scripts/slurm-local.sh up";
        }
    }
}
