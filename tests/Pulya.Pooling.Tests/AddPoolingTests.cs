using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Testing;

namespace Pulya.Pooling.Tests;

/// <summary>Registration of the module and its selection by configuration.</summary>
public sealed class AddPoolingTests
{
    [Fact]
    public void AddPooling_registers_the_ObjectPool_provider()
    {
        var services = new ServiceCollection();
        services.AddPulya().AddPooling().AddPooling();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<ObjectPoolRequestPoolProvider>(provider.GetRequiredKeyedService<IRequestPoolProvider>(ObjectPoolRequestPoolProvider.Name));
        Assert.Single(services, d => d.IsKeyedService && Equals(d.ServiceKey, "ObjectPool"));
        Assert.False(provider.GetRequiredService<IOptions<PoolingOptions>>().Value.Enabled);
        Assert.Equal("None", provider.GetRequiredService<IOptions<PulyaOptions>>().Value.PoolProvider);
    }

    [Fact]
    public void AddPooling_configures_the_pooling_options()
    {
        var services = new ServiceCollection();
        services.AddPulya().AddPooling(o =>
        {
            o.Enabled = true;
            o.MaximumRetained = 5;
        });
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PoolingOptions>>().Value;
        Assert.True(options.Enabled);
        Assert.Equal(5, options.MaximumRetained);
        Assert.Equal(ObjectPoolRequestPoolProvider.Name, provider.GetRequiredService<IOptions<PulyaOptions>>().Value.PoolProvider);
        Assert.Equal(5, provider.GetRequiredKeyedService<IRequestPoolProvider>("ObjectPool") is ObjectPoolRequestPoolProvider p ? p.MaximumRetained : 0);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task A_bound_below_one_stops_the_start_naming_the_key(string bound)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "hi"),
            builder => builder.Pulya.AddPooling(),
            "--Pulya:Pooling:MaximumRetained=" + bound));

        Assert.Equal($"Pulya:Pooling:MaximumRetained: '{bound}' is out of range; it must be at least 1 (objects).", error.Message);
    }

    [Fact]
    public void Enabled_selects_the_ObjectPool_provider_and_disabled_keeps_the_selected_one()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("PoolProvider", "Other"), new("Pooling:Enabled", "false")]).Build();
        services.AddPulya(configuration).AddPooling().AddPoolProvider<ObjectPoolRequestPoolProvider>("Other");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("Other", provider.GetRequiredService<IOptions<PulyaOptions>>().Value.PoolProvider);
    }

    [Fact]
    public void AddPooling_rejects_a_null_builder()
    {
        Assert.Throws<ArgumentNullException>(() => PoolingPulyaBuilderExtensions.AddPooling(null!));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task The_pipeline_pools_its_contexts_only_when_enabled(bool enabled, int pools)
    {
        await using var client = await PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "hi"),
            builder => builder.Pulya.AddPooling(),
            $"--Pulya:Pooling:Enabled={enabled}");
        var provider = (ObjectPoolRequestPoolProvider)client.Application.Services.GetRequiredKeyedService<IRequestPoolProvider>("ObjectPool");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("hi", await client.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
        }

        Assert.Equal(pools, provider.Pools.Count);
        if (enabled)
        {
            Assert.Equal("PulyaContext", provider.Pools[0].ObjectType.Name);
            Assert.Equal(3, provider.Pools[0].Rentals);
        }
    }
}
