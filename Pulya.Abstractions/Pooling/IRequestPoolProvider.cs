namespace Pulya.Pooling;

/// <summary>
/// Creates the pools for per-request objects. Registered as a keyed service under its name:
/// <c>None</c> (the baseline, a new object every time) or <c>ObjectPool</c> (the pooling module).
/// </summary>
public interface IRequestPoolProvider
{
    /// <summary>Creates a pool whose new objects come from <paramref name="create"/>.</summary>
    IRequestPool<T> Create<T>(Func<T> create)
        where T : class, IPoolable;
}
