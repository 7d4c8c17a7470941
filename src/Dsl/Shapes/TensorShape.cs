using System.Globalization;
using System.Linq;
using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Shapes;

/// <summary>
/// The shape of one example as it flows through the network, batch axis left out: [features] for a vector,
/// [channels, height, width] for an image (channels first, as libtorch lays out images and convolutions want them).
/// </summary>
public sealed record TensorShape(EquatableArray<long> Dims)
{
    public TensorShape(params long[] dims) : this(new EquatableArray<long>(dims)) { }

    public int Rank => Dims.Count;

    public long this[int axis] => Dims[axis];

    /// <summary>Checked: a product past long.MaxValue is an <see cref="System.OverflowException"/>, which shape inference reports.</summary>
    public long Elements => Dims.Aggregate(1L, (a, b) => checked(a * b));

    public bool IsImage => Rank == 3;

    public override string ToString() => "[" + string.Join(", ", Dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
