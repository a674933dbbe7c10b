namespace Pulya;

/// <summary>Options of per-request object pooling, section <c>Pulya:Pooling</c>.</summary>
public sealed class PoolingOptions
{
    private int _maximumRetained = 1024;

    /// <summary>Whether per-request objects are pooled (provider <c>ObjectPool</c>, requires <c>AddPooling()</c>); otherwise the <c>None</c> provider creates new ones. Defaults to false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The most idle objects kept per pool; objects returned beyond it are dropped. Defaults to 1024.</summary>
    public int MaximumRetained
    {
        get => _maximumRetained;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maximumRetained = value;
        }
    }
}
