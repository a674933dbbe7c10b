using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Tests.Shared.Models;

namespace Pulya.Pooling.Tests;

/// <summary>The pool counters as published on the <c>Pulya</c> meter.</summary>
public sealed class PoolingMeterTests
{
    [Fact]
    public void Pool_counters_are_observable_on_the_Pulya_meter()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var provider = new ObjectPoolRequestPoolProvider(Options.Create(new PoolingOptions { MaximumRetained = 1 }), factory);
        var pool = provider.Create(() => new Poolable());
        var a = pool.Rent();
        var b = pool.Rent();
        pool.Rent();
        pool.Return(a);
        pool.Return(b);

        var meter = factory.Create("Pulya");
        var values = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            Assert.Equal(new KeyValuePair<string, object?>("pulya.pool.type", nameof(Poolable)), Assert.Single(tags.ToArray()));
            values[instrument.Name] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(3, values["pulya.pool.rentals"]);
        Assert.Equal(2, values["pulya.pool.returns"]);
        Assert.Equal(3, values["pulya.pool.misses"]);
        Assert.Equal(1, values["pulya.pool.drops"]);
        Assert.Equal(0, values["pulya.pool.rejected_returns"]);
        Assert.Equal(1, values["pulya.pool.retained"]);
        Assert.Equal(1, values["pulya.pool.outstanding"]);
    }
}
