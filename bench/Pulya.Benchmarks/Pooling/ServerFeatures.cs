using System.Collections;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http.Features;
using Pulya.Pipeline;

namespace Pulya.Benchmarks.Pooling;

/// <summary>
/// A request's feature collection as a server keeps one for a connection: the server's own features, and what the application
/// sets during a request, dropped by <see cref="Reset"/> before the next request (with the server's own features put back),
/// as Kestrel's <c>ResetFeatureCollection</c> does. Allocates nothing per request once its list has grown. Like Kestrel's
/// connection, it keeps a slot for the application's context (the <c>PerConnection</c> pool provider uses it).
/// </summary>
internal sealed class ServerFeatures : IFeatureCollection, IHostContextContainer<PulyaContext>
{
    /// <inheritdoc />
    public PulyaContext? HostContext { get; set; }

    private readonly List<KeyValuePair<Type, object>> _features = [];
    private KeyValuePair<Type, object>[] _server = [];

    public bool IsReadOnly => false;

    public int Revision { get; private set; }

    public object? this[Type key]
    {
        get
        {
            foreach (var (type, feature) in _features)
            {
                if (type == key)
                {
                    return feature;
                }
            }

            return null;
        }

        set
        {
            Revision++;
            for (var i = 0; i < _features.Count; i++)
            {
                if (_features[i].Key == key)
                {
                    if (value is null)
                    {
                        _features.RemoveAt(i);
                    }
                    else
                    {
                        _features[i] = KeyValuePair.Create(key, value);
                    }

                    return;
                }
            }

            if (value is not null)
            {
                _features.Add(KeyValuePair.Create(key, value));
            }
        }
    }

    public TFeature? Get<TFeature>() => (TFeature?)this[typeof(TFeature)];

    public void Set<TFeature>(TFeature? instance) => this[typeof(TFeature)] = instance;

    /// <summary>Takes the features set so far as the server's own: those <see cref="Reset"/> keeps (or puts back).</summary>
    public void Seal() => _server = [.. _features];

    /// <summary>Drops what the last request set and puts the server's own features back.</summary>
    public void Reset()
    {
        _features.Clear();
        _features.AddRange(_server);
        Revision++;
    }

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
