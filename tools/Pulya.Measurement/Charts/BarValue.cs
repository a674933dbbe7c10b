namespace Pulya.Measurement;

/// <summary>One bar: the median over the rounds and the smallest and largest round (the whisker).</summary>
internal sealed record BarValue(string Series, string Group, double Median, double Min, double Max)
{
    /// <summary>The bar of <paramref name="values"/> (one per round): their median, minimum and maximum.</summary>
    public static BarValue Of(string series, string group, IReadOnlyCollection<double> values) =>
        new(series, group, Bench.Statistics.Median(values), values.Min(), values.Max());
}
