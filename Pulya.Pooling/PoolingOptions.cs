namespace Pulya.Pooling;

/// <summary>Options of per-request object pooling, section <c>Pulya:Pooling</c>, validated at start-up by <see cref="PoolingOptionsValidator"/>.</summary>
public sealed class PoolingOptions
{
    /// <summary>The configuration section, under <c>Pulya</c>.</summary>
    public const string SectionName = "Pooling";

    /// <summary>
    /// Whether per-request objects are pooled: true selects the <c>ObjectPool</c> provider (sets <c>Pulya:PoolProvider</c>);
    /// otherwise the selected provider stays (<c>None</c> by default: new objects every request). Defaults to false.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The most idle objects kept per pool, at least 1; objects returned beyond it are dropped. Defaults to 1024.</summary>
    public int MaximumRetained { get; set; } = 1024;
}
