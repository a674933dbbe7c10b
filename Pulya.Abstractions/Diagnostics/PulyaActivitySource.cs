namespace Pulya.Diagnostics;

/// <summary>
/// The <see cref="System.Diagnostics.ActivitySource"/> Pulya starts one server <see cref="System.Diagnostics.Activity"/>
/// per request on, following OpenTelemetry's HTTP conventions. An OpenTelemetry user subscribes with
/// <c>.AddSource(PulyaActivitySource.Name)</c> on the tracer provider (and <c>.AddMeter(PulyaMeter.Name)</c> on the meter
/// provider); with no listener, no activity is created.
/// </summary>
public static class PulyaActivitySource
{
    /// <summary>The activity source's name: <c>Pulya</c>.</summary>
    public const string Name = "Pulya";
}
