namespace Pulya.Diagnostics;

/// <summary>
/// The meter every part of Pulya publishes its instruments on. Modules create it through the application's
/// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> (<c>meterFactory.Create(PulyaMeter.Name)</c>), so one
/// <c>dotnet-counters monitor --counters Pulya</c> shows the core's and the modules' figures together.
/// </summary>
public static class PulyaMeter
{
    /// <summary>The meter's name: <c>Pulya</c>.</summary>
    public const string Name = "Pulya";
}
