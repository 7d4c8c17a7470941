using DeepDsl.Torch;

namespace DeepDsl.Nn;

/// <summary>
/// A residual block: body(x) + x, or body(x) + projection(x) when the body changes the shape (a strided or wider
/// convolution), as in ResNet. The two are submodules named "body" and "projection".
/// </summary>
public sealed class Residual : Module
{
    public Residual(Module body, Module? projection)
    {
        Body = RegisterModule("body", body);
        if (projection is not null) Projection = RegisterModule("projection", projection);
    }

    public Module Body { get; }
    public Module? Projection { get; }

    // The branches' outputs are left to the caller's dispose scope, as Sequential leaves its layers' outputs.
    public override Tensor forward(Tensor input) => Body.forward(input) + (Projection?.forward(input) ?? input);
}
