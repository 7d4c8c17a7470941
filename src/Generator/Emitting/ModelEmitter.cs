using System.Globalization;
using System.Linq;
using DeepDsl.Generator.Model;

namespace DeepDsl.Generator.Emitting;

/// <summary>
/// Writes an experiment's model class: one typed property per layer, a constructor that builds and
/// initializes each layer, and forward as straight-line code with #line directives to the YAML, so a
/// runtime error in a layer points at the spec line that declared it.
/// </summary>
internal static class ModelEmitter
{
    public static void Emit(SourceWriter w, ExperimentModel m)
    {
        var regularized = m.Layers.Any(l => l.L1 != 0 || l.L2 != 0 || l.MaxNorm is not null);
        var interfaces = "global::DeepDsl.Experiments.IClassifierModel, global::DeepDsl.Training.ISummarizedModel" + (regularized ? ", global::DeepDsl.Experiments.IRegularizedModel" : "");

        w.WriteLine($"/// <summary>The network of experiment '{Text.Xml(m.SpecName)}' ({Text.Xml(m.SourcePath)}).</summary>");
        w.WriteLine(Text.GeneratedCodeAttribute);
        w.OpenBlock($"public sealed partial class {m.ModelType} : global::DeepDsl.Nn.Module, {interfaces}");

        w.OpenBlock($"public {m.ModelType}()");
        foreach (var layer in m.Layers)
        {
            if (layer.HasModule) w.WriteLine($"{layer.Property} = RegisterModule({Text.Literal(layer.Name)}, {layer.Construction});");
            if (layer.ActivationModule is { } a) w.WriteLine($"{a.Property} = RegisterModule({Text.Literal(a.Name)}, {a.Construction});");
        }
        w.CloseBlock();

        foreach (var layer in m.Layers)
        {
            if (layer.HasModule)
            {
                w.WriteLine();
                w.WriteLine($"/// <summary>{Text.Xml(layer.Summary)} (line {layer.Line}).</summary>");
                w.WriteLine($"public {layer.ModuleType} {layer.Property} {{ get; }}");
            }
            if (layer.ActivationModule is { } a)
            {
                w.WriteLine();
                w.WriteLine($"/// <summary>The learned activation of '{Text.Xml(layer.Name)}'.</summary>");
                w.WriteLine($"public {a.ModuleType} {a.Property} {{ get; }}");
            }
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Each layer's output shape and parameters, as the language inferred them from the spec.</summary>");
        w.WriteLine("public global::System.Collections.Generic.IReadOnlyList<global::DeepDsl.Training.ModelSummary.Row> SummaryRows { get; } =");
        w.Indentation++;
        w.OpenBlock("new global::DeepDsl.Training.ModelSummary.Row[]");
        foreach (var row in m.Summary)
            w.WriteLine($"new({Text.Literal(row.Name)}, {Text.Literal(row.Kind)}, new long[] {{ {row.OutputShape} }}, {row.Parameters}),");
        w.CloseBlock(";");
        w.Indentation--;

        w.WriteLine();
        w.WriteLine($"global::DeepDsl.Experiments.OutputActivation global::DeepDsl.Experiments.IClassifierModel.Output => global::DeepDsl.Experiments.OutputActivation.{m.OutputActivation};");

        w.WriteLine();
        w.WriteLine("/// <summary>The network's output (probabilities for a softmax or sigmoid output).</summary>");
        var finalActivation = m.OutputActivation switch
        {
            "Softmax" => "global::DeepDsl.Torch.torch.nn.functional.softmax(forward_logits(input), -1)",
            "Sigmoid" => "global::DeepDsl.Torch.torch.nn.functional.sigmoid(forward_logits(input))",
            "Linear" => "forward_logits(input)",
            var other => throw new System.InvalidOperationException($"internal error: ModelEmitter has no forward pass for output activation '{other}'"),
        };
        w.WriteLine($"public override global::DeepDsl.Torch.Tensor forward(global::DeepDsl.Torch.Tensor input) => {finalActivation};");

        w.WriteLine();
        w.WriteLine("/// <summary>The network without its output activation: what the loss is computed from.</summary>");
        w.OpenBlock("public global::DeepDsl.Torch.Tensor forward_logits(global::DeepDsl.Torch.Tensor input)");
        w.WriteLine("var x = input;");
        foreach (var layer in m.Layers)
        {
            if (layer.OmitFromLogits && layer.SavesInputAs.Count == 0) continue;
            if (Text.LineDirective(layer.Line, layer.File) is { } directive) w.WriteDirective(directive);
            foreach (var skip in layer.SavesInputAs) w.WriteLine($"var {skip} = x;");
            if (layer.OmitFromLogits) continue;
            // A residual block ends in a sum with the input it kept (through its projection when the shapes differ).
            var call = layer.Residual is { } r ? $"x + {(r.Projected ? $"{layer.Property}.forward({r.SkipVariable})" : r.SkipVariable)}" : $"{layer.Property}.forward(x)";
            if (layer.ActivationModule is { } a) call = $"{a.Property}.forward({call})";
            else if (layer.Activation is { } activation && !layer.IsOutputActivation) call = string.Format(CultureInfo.InvariantCulture, activation, call);
            w.WriteLine($"x = Observed({Text.Literal(layer.Name)}, {call});");
        }
        w.WriteDirective("#line default");
        w.WriteLine("return x;");
        w.CloseBlock();

        if (regularized) EmitRegularization(w, m);
        w.CloseBlock();
    }

    private static void EmitRegularization(SourceWriter w, ExperimentModel m)
    {
        w.WriteLine();
        w.WriteLine("/// <summary>The l1/l2 penalties of the dense layers that declare them.</summary>");
        w.OpenBlock("public global::DeepDsl.Torch.Tensor? regularization_loss()");
        w.WriteLine("global::DeepDsl.Torch.Tensor? penalty = null;");
        foreach (var layer in m.Layers.Where(l => l.L1 != 0 || l.L2 != 0))
        {
            var term = $"global::DeepDsl.Nn.Regularization.Penalties.L1L2({layer.Property}.weight, {Text.Number(layer.L1)}, {Text.Number(layer.L2)})";
            w.WriteLine($"penalty = penalty is null ? {term} : penalty + {term};");
        }
        w.WriteLine("return penalty;");
        w.CloseBlock();

        w.WriteLine();
        w.WriteLine("/// <summary>Applies the max-norm constraints after an optimizer step.</summary>");
        w.OpenBlock("public void apply_constraints()");
        foreach (var layer in m.Layers.Where(l => l.MaxNorm is not null))
            w.WriteLine($"global::DeepDsl.Nn.Regularization.Constraints.MaxNorm({layer.Property}.weight, {Text.Number(layer.MaxNorm!.Value)});");
        w.CloseBlock();
    }
}
