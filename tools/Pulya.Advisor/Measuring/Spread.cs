using Pulya.Bench;

namespace Pulya.Advisor.Measuring;

/// <summary>A figure over the rounds: the median and the smallest and largest round.</summary>
internal sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IReadOnlyCollection<double> values) => new(Statistics.Median(values), values.Min(), values.Max());

    /// <summary>(max − min) / median: how far the rounds lie apart, relative to the median.</summary>
    public double Relative => Median > 0 ? (Max - Min) / Median : 0;
}
