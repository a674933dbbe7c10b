namespace Pulya.Bench;

/// <summary>The statistics the bench tools share (compiled into each tool that needs them).</summary>
internal static class Statistics
{
    /// <summary>The median of <paramref name="values"/> (mean of the two middle values for an even count); NaN when empty.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
