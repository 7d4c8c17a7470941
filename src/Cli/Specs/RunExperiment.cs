using DeepDsl.Cli.Generation;
using DeepDsl.Dsl;
using DeepDsl.Dsl.Resolution;
using DeepDsl.Experiments;
using DeepDsl.Runs;

namespace DeepDsl.Cli.Specs;

/// <summary>The experiment a run was made from, rebuilt from the resolved spec the run recorded (so a later edit of the file cannot change it).</summary>
internal static class RunExperiment
{
    public static IExperiment Load(RunDirectory run)
    {
        var compilation = SpecCompiler.Compile(run.SpecFile, DiskFileSystem.Instance);
        if (compilation.HasErrors)
            throw new InvalidOperationException($"{run.SpecFile} no longer compiles: {string.Join("; ", compilation.Errors)}");
        return GeneratedExperiment.Load(run.SpecFile, [run.SpecFile], compilation.Spec!.ContentHash);
    }
}
