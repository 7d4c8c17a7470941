using DeepDsl.Distributed;

namespace DeepDsl.Runtime.Tests.Distributed;

public sealed class SlurmNodeListTests
{
    [Theory]
    [InlineData("localhost", "localhost")]
    [InlineData("node01,node02", "node01")]
    [InlineData("node[01-04,07],gpu3", "node01")]
    [InlineData("node[7,9]", "node7")]
    [InlineData("rack[2-3]-n[010-012]", "rack2-n010")]
    [InlineData("gpu[003]a", "gpu003a")]
    public void The_first_host_keeps_its_padding(string list, string first) => Assert.Equal(first, SlurmNodeList.FirstHost(list));

    [Theory]
    [InlineData("node[01-04")]
    [InlineData(",node1")]
    public void A_malformed_list_is_refused(string list) => Assert.Throws<FormatException>(() => SlurmNodeList.FirstHost(list));
}
