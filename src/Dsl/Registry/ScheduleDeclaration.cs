using System.Collections.Generic;

namespace DeepDsl.Dsl.Registry;

/// <summary>
/// A learning-rate schedule: its arguments and <paramref name="RuntimeType"/>, the schedule class it becomes. The
/// constructors also take the run's clock and length, so the generator writes each call; it names the type from here.
/// </summary>
public sealed record ScheduleDeclaration(string Name, string Doc, string RuntimeType, IReadOnlyList<Argument> Arguments) : Declaration(Name, Doc, Arguments);
