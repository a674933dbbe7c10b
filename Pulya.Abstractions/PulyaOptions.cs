using Pulya.Http;

namespace Pulya;

/// <summary>Options of the framework, bound from the <c>Pulya</c> configuration section and validated at start-up.</summary>
public sealed class PulyaOptions
{
    private long _maxRequestBodySize = 1024 * 1024;

    /// <summary>The name of the router: <c>Linear</c> (built in) or a module's, e.g. <c>Trie</c>. Defaults to <c>Linear</c>.</summary>
    public string Router { get; set; } = "Linear";

    /// <summary>The name of the default serializer: <c>SystemTextJson</c> (built in), <c>NewtonsoftJson</c>, <c>MessagePack</c>. Defaults to <c>SystemTextJson</c>.</summary>
    public string Serializer { get; set; } = "SystemTextJson";

    /// <summary>
    /// The name of the endpoint binder: <c>Compiled</c> (built in: expression trees compiled at start-up) or
    /// <c>Generated</c> (source-generated bindings, falling back to <c>Compiled</c> for call sites without one).
    /// Defaults to <c>Compiled</c>.
    /// </summary>
    public string Binder { get; set; } = "Compiled";

    /// <summary>The largest request body accepted, in bytes; larger bodies get 413. Defaults to 1 MiB (1,048,576).</summary>
    public long MaxRequestBodySize
    {
        get => _maxRequestBodySize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxRequestBodySize = value;
        }
    }

    /// <summary>What a single-valued header binding does with several values. Defaults to <see cref="HeaderStrategy.First"/>.</summary>
    public HeaderStrategy HeaderStrategy { get; set; } = HeaderStrategy.First;

    /// <summary>The route cache (module <c>Pulya.Routing.Cached</c>).</summary>
    public RouteCacheOptions RouteCache { get; set; } = new();

    /// <summary>Pooling of per-request objects (module <c>Pulya.Pooling</c>).</summary>
    public PoolingOptions Pooling { get; set; } = new();
}
