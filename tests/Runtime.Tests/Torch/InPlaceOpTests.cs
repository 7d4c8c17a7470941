using System.Text.Json;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Torch;

/// <summary>In-place updates (the optimizers' building blocks) give PyTorch's values and modify the tensor itself.</summary>
public sealed class InPlaceOpTests
{
    private static readonly JsonElement[] Fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ops_inplace.json")))
        .RootElement.GetProperty("cases").EnumerateArray().ToArray();

    private static readonly Dictionary<string, Func<Tensor, Tensor[], double[], Tensor>> Updates = new()
    {
        ["add_"] = (t, u, _) => t.add_(u[0]),
        ["add_alpha"] = (t, u, s) => t.add_(u[0], s[1]),
        ["add_scalar"] = (t, _, s) => t.add_(s[0]),
        ["sub_"] = (t, u, _) => t.sub_(u[0]),
        ["mul_"] = (t, u, _) => t.mul_(u[0]),
        ["mul_scalar"] = (t, _, s) => t.mul_(s[0]),
        ["div_"] = (t, u, _) => t.div_(u[0]),
        ["div_scalar"] = (t, _, s) => t.div_(s[0]),
        ["pow_"] = (t, _, s) => t.pow_(s[0]),
        ["sqrt_"] = (t, _, _) => t.sqrt_(),
        ["neg_"] = (t, _, _) => t.neg_(),
        ["abs_"] = (t, _, _) => t.abs_(),
        ["sign_"] = (t, _, _) => t.sign_(),
        ["maximum_"] = (t, u, _) => t.maximum_(u[0]),
        ["addcmul_"] = (t, u, s) => t.addcmul_(u[0], u[1], s[2]),
        ["addcdiv_"] = (t, u, s) => t.addcdiv_(u[0], u[1], s[2]),
        ["lerp_"] = (t, u, s) => t.lerp_(u[0], s[1]),
        ["copy_"] = (t, u, _) => t.copy_(u[0]),
        ["zero_"] = (t, _, _) => t.zero_(),
        ["fill_"] = (t, _, s) => t.fill_(s[0]),
        ["clamp_"] = (t, _, s) => t.clamp_(s[0], s[1]),
        ["clamp_min_"] = (t, _, s) => t.clamp_min_(s[0]),
        ["clamp_max_"] = (t, _, s) => t.clamp_max_(s[0]),
        ["masked_fill_"] = (t, _, s) => t.masked_fill_(t.gt(0.0), s[0]),
    };

    public static TheoryData<string> Cases() => new(Fixture.Select(Id));

    private static string Id(JsonElement c) => $"{c.GetProperty("name").GetString()}/{c.GetProperty("dtype").GetString()}";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Updates_the_tensor_itself_to_pytorchs_values(string id)
    {
        using var scope = torch.NewDisposeScope();
        var c = Fixture.Single(e => Id(e) == id);
        var dtype = OpCase.ParseDtype(c.GetProperty("dtype").GetString()!);
        var shape = OpCase.Shape(c.GetProperty("shape"));
        var target = torch.tensor(OpCase.Doubles(c.GetProperty("before")), shape).to(dtype);
        // Positional arguments as in the script: tensors fill u[], scalars fill s[], each at its own position.
        var args = c.GetProperty("args").EnumerateArray().ToArray();
        var tensors = args.Where(a => a.ValueKind == JsonValueKind.Array).Select(a => torch.tensor(OpCase.Doubles(a), shape).to(dtype)).ToArray();
        var scalars = args.Select(a => a.ValueKind == JsonValueKind.Number ? a.GetDouble() : double.NaN).ToArray();

        var returned = Updates[c.GetProperty("name").GetString()!](target, tensors, scalars);

        Assert.Same(target, returned);
        OpCase.AssertClose(OpCase.Doubles(c.GetProperty("after")), target.to(ScalarType.Float64).ToArray<double>(), OpCase.Tolerance(dtype), id);
    }

    [Fact]
    public void An_in_place_update_is_seen_through_every_handle_to_the_tensor()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.zeros([3]);
        var alias = t.alias();
        t.add_(2.0);
        Assert.Equal([2f, 2f, 2f], alias.ToArray<float>());
    }

    [Fact]
    public void An_in_place_update_of_a_leaf_that_requires_grad_is_refused_outside_no_grad()
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.ones([2], requires_grad: true);
        var error = Assert.Throws<TorchException>(() => w.add_(1.0));
        Assert.Contains("leaf Variable that requires grad", error.Message);
        using (torch.no_grad()) w.add_(1.0);
        Assert.Equal([2f, 2f], w.detach().ToArray<float>());
    }
}
