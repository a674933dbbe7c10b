namespace Pulya.Measurement;

/// <summary>One panel of <see cref="SvgChart.Bars"/>: a figure (its title and unit) and its values per series and group.</summary>
internal sealed record BarPanel(string Title, string Unit, IReadOnlyList<BarValue> Values);
