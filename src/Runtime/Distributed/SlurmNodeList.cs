namespace DeepDsl.Distributed;

/// <summary>
/// Slurm's compressed host lists (SLURM_JOB_NODELIST, SLURM_STEP_NODELIST): "node[01-04,07],gpu3" names
/// node01…node04, node07 and gpu3. Rank 0 runs on the first node of a step, which is where the store is hosted;
/// reading it here spares calling `scontrol show hostnames`, which may not be on a compute node's PATH.
/// </summary>
public static class SlurmNodeList
{
    /// <summary>The first host of <paramref name="nodeList"/>, with its zero padding kept.</summary>
    /// <exception cref="FormatException">An unbalanced bracket or an empty list.</exception>
    public static string FirstHost(string nodeList)
    {
        var host = new System.Text.StringBuilder();
        var i = 0;
        while (i < nodeList.Length && nodeList[i] != ',')
        {
            if (nodeList[i] != '[')
            {
                host.Append(nodeList[i++]);
                continue;
            }
            var close = nodeList.IndexOf(']', i);
            if (close < 0) throw new FormatException($"'{nodeList}' is not a Slurm node list: a '[' is not closed");
            var ranges = nodeList[(i + 1)..close];
            var end = ranges.IndexOfAny([',', '-']);
            host.Append(end < 0 ? ranges : ranges[..end]);
            i = close + 1;
        }
        if (host.Length == 0) throw new FormatException($"'{nodeList}' is not a Slurm node list: it names no host");
        return host.ToString();
    }
}
