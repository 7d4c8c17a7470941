using DeepDsl.Cli.Generation;
using DeepDsl.Dsl;
using DeepDsl.Experiments;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Specs;

/// <summary>The experiment a run was made from, rebuilt from the resolved spec the run recorded (so a later edit of the file cannot change it).</summary>
internal static class RunExperiment
{
    public static IExperiment Load(RunDirectory run)
    {
        var compilation = SpecCompiler.Compile(run.SpecFile, ProjectFileSystem.Instance);
        if (compilation.HasErrors)
            throw new RunException($"{run.SpecFile} does not compile with this version of DeepDsl: {string.Join("; ", compilation.Errors)}");
        return GeneratedExperiment.Load(run.SpecFile, [run.SpecFile], compilation.Spec!.ContentHash);
    }
}
