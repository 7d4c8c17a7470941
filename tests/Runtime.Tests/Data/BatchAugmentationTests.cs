using DeepDsl.Data;
using DeepDsl.Torch;

namespace DeepDsl.Runtime.Tests.Data;

/// <summary>Random crops and flips of a batch: each example is its image shifted and mirrored as drawn, the draws a function of the seed and the example's position.</summary>
public sealed class BatchAugmentationTests
{
    // One 1-channel 3×3 image, 1…9 row by row.
    private static readonly float[] Image = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>The image as example <paramref name="copies"/> times: one batch, each example drawing its own crop and flip.</summary>
    private static Tensor Batch(int copies) => torch.tensor([.. Enumerable.Repeat(Image, copies).SelectMany(i => i)], [copies, 1, 3, 3]);

    /// <summary>What one example must become, pixel by pixel: the padded image read at the drawn offset, mirrored when drawn so.</summary>
    private static float[] Expected(int padding, (int Top, int Left, bool Mirrored) draw, float fill)
    {
        var result = new float[9];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
            {
                var column = draw.Mirrored ? 2 - j : j;
                var (r, c) = (i + draw.Top - padding, column + draw.Left - padding);
                result[i * 3 + j] = r is >= 0 and < 3 && c is >= 0 and < 3 ? Image[r * 3 + c] : fill;
            }
        return result;
    }

    [Fact]
    public void A_crop_at_the_padded_corner_shifts_the_image_down_and_right_and_fills_with_zeros()
    {
        var augmentation = new BatchAugmentation(padding: 1, flip: false, [1, 3, 3]);
        var (position, draw) = Enumerable.Range(0, 1000).Select(p => (p, augmentation.Draw(7, p))).First(d => d.Item2 is (0, 0, false));
        using var scope = torch.NewDisposeScope();
        var output = augmentation.Apply(Batch(1), 7, position);
        Assert.Equal([0f, 0, 0, 0, 1, 2, 0, 4, 5], output.reshape(-1).ToArray<float>());
    }

    [Fact]
    public void A_flip_alone_mirrors_each_row()
    {
        var augmentation = new BatchAugmentation(padding: 0, flip: true, [1, 3, 3]);
        var mirrored = Enumerable.Range(0, 100).First(p => augmentation.Draw(3, p).Mirrored);
        var kept = Enumerable.Range(0, 100).First(p => !augmentation.Draw(3, p).Mirrored);
        using var scope = torch.NewDisposeScope();
        Assert.Equal([3f, 2, 1, 6, 5, 4, 9, 8, 7], augmentation.Apply(Batch(1), 3, mirrored).reshape(-1).ToArray<float>());
        Assert.Equal(Image, augmentation.Apply(Batch(1), 3, kept).reshape(-1).ToArray<float>());
    }

    [Fact]
    public void Every_example_of_a_batch_is_cropped_and_flipped_as_drawn_and_padding_takes_the_fill_value()
    {
        var augmentation = new BatchAugmentation(padding: 2, flip: true, [1, 3, 3], fill: [-0.5]);
        using var scope = torch.NewDisposeScope();
        var output = augmentation.Apply(Batch(64), 11, firstPosition: 100).reshape(64, 9);
        for (var e = 0; e < 64; e++)
            Assert.Equal(Expected(2, augmentation.Draw(11, 100 + e), -0.5f), output.select(0, e).ToArray<float>());
    }

    [Fact]
    public void Draws_cover_every_offset_and_both_flips_about_evenly()
    {
        var augmentation = new BatchAugmentation(padding: 1, flip: true, [1, 3, 3]);
        var draws = Enumerable.Range(0, 9000).Select(p => augmentation.Draw(5, p)).ToList();
        foreach (var group in draws.GroupBy(d => (d.Top, d.Left)))
            Assert.InRange(group.Count(), 850, 1150);
        Assert.Equal(9, draws.Select(d => (d.Top, d.Left)).Distinct().Count());
        Assert.InRange(draws.Count(d => d.Mirrored), 4300, 4700);
    }

    [Fact]
    public void The_same_seed_and_positions_give_the_same_batch_and_another_seed_another()
    {
        var augmentation = new BatchAugmentation(padding: 1, flip: true, [1, 3, 3]);
        using var scope = torch.NewDisposeScope();
        var first = augmentation.Apply(Batch(32), 42, 0).reshape(-1).ToArray<float>();
        Assert.Equal(first, augmentation.Apply(Batch(32), 42, 0).reshape(-1).ToArray<float>());
        Assert.NotEqual(first, augmentation.Apply(Batch(32), 43, 0).reshape(-1).ToArray<float>());
        // A batch split in two (as ranks split one) draws what it drew whole.
        var halves = augmentation.Apply(Batch(16), 42, 0).reshape(-1).ToArray<float>().Concat(augmentation.Apply(Batch(16), 42, 16).reshape(-1).ToArray<float>());
        Assert.Equal(first, halves);
    }

    [Fact]
    public void Examples_that_are_not_images_are_refused()
    {
        var error = Assert.Throws<DataException>(() => new BatchAugmentation(1, true, [784]));
        Assert.Contains("[784]", error.Message);
    }
}
