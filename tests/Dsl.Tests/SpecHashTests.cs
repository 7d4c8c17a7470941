using DeepDsl.Dsl.Model;

namespace DeepDsl.Dsl.Tests;

/// <summary>The one predicate for what a spec hash looks like agrees with the hash the tool computes, and refuses anything that could act as a path.</summary>
public sealed class SpecHashTests
{
    [Theory]
    [InlineData("")]
    [InlineData("name: a\n")]
    [InlineData("name: b\nseed: 3\n")]
    public void The_hash_the_tool_computes_is_well_formed(string canonical) => Assert.True(SpecHash.IsWellFormed(SpecHash.Of(canonical)));

    [Theory]
    [InlineData("0123456789ab")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Twelve_or_sixty_four_lowercase_hex_digits_are_well_formed(string hash) => Assert.True(SpecHash.IsWellFormed(hash));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789AB")]
    [InlineData("0123456789a")]
    [InlineData("0123456789abc")]
    [InlineData("0123456789a/")]
    [InlineData("0123456789ab\n")]
    [InlineData("０１２３４５６７８９ab")]
    public void Anything_else_is_not(string? hash) => Assert.False(SpecHash.IsWellFormed(hash));
}
