using DeepDsl.Torch;

namespace DeepDsl.Data;

/// <summary>
/// Random crops (after zero padding) and horizontal flips of a batch of images [N, C, H, W], as torchvision's
/// RandomCrop(padding) and RandomHorizontalFlip(0.5), done for the whole batch at once: each output pixel's source is
/// computed per example on the host (its row and column after the offset and the flip), and one gather on the device
/// copies them; pixels that fall into the padding take <see cref="fill"/>, the value of a zero after normalization (0 when
/// there is none: with per-pixel standardization, each position's training mean).
/// The draws depend only on the seed and the example's position in the epoch, never on the thread or the timing, so a
/// batch made ahead on a worker equals one made in place, and a resumed run draws what the uninterrupted one drew.
/// </summary>
public sealed class BatchAugmentation
{
    private readonly double[] fill;

    public BatchAugmentation(int padding, bool flip, long[] exampleShape, double[]? fill = null)
    {
        if (exampleShape.Length != 3)
            throw new DataException($"data.augment.random_crop and horizontal_flip need images, [channels, height, width], but the data's examples are [{string.Join(", ", exampleShape)}].");
        Padding = padding;
        Flip = flip;
        this.fill = fill ?? new double[exampleShape[0]];
        if (this.fill.Length != exampleShape[0])
            throw new ArgumentException($"{this.fill.Length} fill values for {exampleShape[0]} channels", nameof(fill));
    }

    /// <summary>Zeros added on every side before cropping (0: no crop).</summary>
    public int Padding { get; }

    public bool Flip { get; }

    /// <summary>What the example at <paramref name="position"/> of an epoch (seeded by <paramref name="seed"/>) gets: its crop offset in the padded image, and whether it is mirrored.</summary>
    public (int Top, int Left, bool Mirrored) Draw(ulong seed, long position)
    {
        // SplitMix64 over (seed, position): independent of torch's generator, which dropout on the training thread draws from.
        var bits = Mix(Mix(seed ^ 0x6A09E667F3BCC909UL) + (ulong)position);
        var span = (ulong)(2 * Padding + 1);
        var top = (int)(bits % span);
        bits = Mix(bits);
        var left = (int)(bits % span);
        var mirrored = Flip && (Mix(bits) & 1) == 1;
        return (top, left, mirrored);
    }

    /// <summary>The augmented copy of <paramref name="batch"/>, whose first example is the epoch's example number <paramref name="firstPosition"/>.</summary>
    public Tensor Apply(Tensor batch, ulong seed, long firstPosition)
    {
        var shape = batch.shape;
        if (shape.Length != 4 || shape[1] != fill.Length)
            throw new ArgumentException($"expected a batch of [N, {fill.Length}, H, W] images, got [{string.Join(", ", shape)}]", nameof(batch));
        var (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3]);
        // Flat offsets, all integers computed here: a tensor times a C# number would be a float tensor.
        var planes = new long[n * c];
        for (var p = 0L; p < n * c; p++) planes[p] = p * h * w;
        var rows = new long[n * h];
        var columns = new long[n * w];
        var rowInside = new byte[n * h];
        var columnInside = new byte[n * w];
        var padded = false;
        for (var e = 0L; e < n; e++)
        {
            var (top, left, mirrored) = Draw(seed, firstPosition + e);
            for (var i = 0L; i < h; i++)
            {
                var source = i + top - Padding;
                rowInside[e * h + i] = (byte)(source >= 0 && source < h ? 1 : 0);
                rows[e * h + i] = Math.Clamp(source, 0, h - 1) * w;
            }
            for (var j = 0L; j < w; j++)
            {
                var source = (mirrored ? w - 1 - j : j) + left - Padding;
                columnInside[e * w + j] = (byte)(source >= 0 && source < w ? 1 : 0);
                columns[e * w + j] = Math.Clamp(source, 0, w - 1);
            }
            padded |= top != Padding || left != Padding;
        }

        using var scope = torch.NewDisposeScope();
        var device = batch.device;
        var index = torch.tensor(planes, [n, c, 1, 1]).to(device) + torch.tensor(rows, [n, 1, h, 1]).to(device) + torch.tensor(columns, [n, 1, 1, w]).to(device);
        var gathered = batch.reshape(-1).index_select(0, index.reshape(-1)).view(n, c, h, w);
        if (!padded) return gathered.MoveToOuterDisposeScope();
        var inside = torch.tensor(rowInside, [n, 1, h, 1]).to(device).ne(0).logical_and(torch.tensor(columnInside, [n, 1, 1, w]).to(device).ne(0));
        var padding = torch.tensor(fill, [1, c, 1, 1]).to(batch.dtype, device);
        return torch.where(inside, gathered, padding).MoveToOuterDisposeScope();
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
