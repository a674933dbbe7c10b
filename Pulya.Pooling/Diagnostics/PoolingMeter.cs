using System.Diagnostics.Metrics;

namespace Pulya.Pooling.Diagnostics;

/// <summary>
/// Publishes the counters of every pool of an <see cref="ObjectPoolRequestPoolProvider"/> on the meter <c>Pulya</c>, as
/// observable instruments read only when a listener collects (nothing is recorded on the request path). Each measurement
/// carries the tag <c>pulya.pool.type</c> (the pooled type's name). Instruments: <c>pulya.pool.rentals</c>,
/// <c>pulya.pool.returns</c>, <c>pulya.pool.misses</c>, <c>pulya.pool.drops</c>, <c>pulya.pool.rejected_returns</c>
/// (counters) and <c>pulya.pool.retained</c>, <c>pulya.pool.outstanding</c> (up-down counters).
/// </summary>
internal static class PoolingMeter
{
    /// <summary>The tag naming the pooled type.</summary>
    public const string TypeTag = "pulya.pool.type";

    /// <summary>Creates the instruments for <paramref name="provider"/> on <paramref name="meter"/>.</summary>
    public static void Register(Meter meter, ObjectPoolRequestPoolProvider provider)
    {
        meter.CreateObservableCounter("pulya.pool.rentals", () => Observe(provider, p => p.Rentals), "{object}", "Objects rented from the pool.");
        meter.CreateObservableCounter("pulya.pool.returns", () => Observe(provider, p => p.Returns), "{object}", "Objects given back to the pool and accepted.");
        meter.CreateObservableCounter("pulya.pool.misses", () => Observe(provider, p => p.Misses), "{object}", "Rentals that found the pool empty and created an object.");
        meter.CreateObservableCounter("pulya.pool.drops", () => Observe(provider, p => p.Drops), "{object}", "Returned objects not kept because the pool was full.");
        meter.CreateObservableCounter("pulya.pool.rejected_returns", () => Observe(provider, p => p.RejectedReturns), "{object}", "Returns refused: returned twice or not from this pool.");
        meter.CreateObservableUpDownCounter("pulya.pool.retained", () => Observe(provider, p => p.Retained), "{object}", "Idle objects kept in the pool.");
        meter.CreateObservableUpDownCounter("pulya.pool.outstanding", () => Observe(provider, p => p.Outstanding), "{object}", "Objects rented and not yet returned.");
    }

    private static IEnumerable<Measurement<long>> Observe(ObjectPoolRequestPoolProvider provider, Func<PoolCounters, long> value) =>
        provider.Pools.Select(p => new Measurement<long>(value(p), new KeyValuePair<string, object?>(TypeTag, p.ObjectType.Name)));
}
