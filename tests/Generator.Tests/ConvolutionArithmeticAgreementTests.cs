namespace DeepDsl.Generator.Tests;

/// <summary>
/// The language sizes layers with its own copy of the window arithmetic (the generator cannot reference the runtime): both
/// copies must give the same output size for every size, kernel, stride, dilation and padding, or a checked spec would build
/// a model of other shapes.
/// </summary>
public sealed class ConvolutionArithmeticAgreementTests
{
    [Fact]
    public void The_language_and_the_runtime_size_every_window_alike()
    {
        foreach (var padding in new[] { "valid", "same" })
            for (long input = 1; input <= 40; input++)
                for (long kernel = 1; kernel <= 7; kernel++)
                    for (long stride = 1; stride <= 4; stride++)
                        for (long dilation = 1; dilation <= 3; dilation++)
                        {
                            var language = Dsl.Shapes.ConvolutionArithmetic.Output(input, kernel, stride, dilation, padding);
                            var runtime = DeepDsl.Nn.ConvolutionArithmetic.OutputSize(input, kernel, stride, dilation, padding == "same" ? DeepDsl.Nn.Padding.Same : DeepDsl.Nn.Padding.Valid);
                            // The runtime says how far a window misses (≤ 0); the language, that it does not fit (0).
                            Assert.True(language == Math.Max(runtime, 0), $"{padding} in {input} k {kernel} s {stride} d {dilation}: language {language}, runtime {runtime}");
                        }
    }
}
