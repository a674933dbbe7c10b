using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Hosting;

namespace Pulya.Tests.Limits;

/// <summary>Kestrel's limits come from the <c>Kestrel:Limits</c> configuration section, including the minimum data rates.</summary>
public sealed class KestrelLimitsConfigurationTests
{
    [Fact]
    public async Task Minimum_data_rates_are_read_from_configuration()
    {
        var limits = await LimitsAsync(
            "--Kestrel:Limits:MinRequestBodyDataRate:BytesPerSecond=100",
            "--Kestrel:Limits:MinRequestBodyDataRate:GracePeriod=00:00:02",
            "--Kestrel:Limits:MinResponseDataRate:BytesPerSecond=50");

        Assert.Equal((100d, TimeSpan.FromSeconds(2)), (limits.MinRequestBodyDataRate!.BytesPerSecond, limits.MinRequestBodyDataRate.GracePeriod));
        Assert.Equal((50d, TimeSpan.FromSeconds(5)), (limits.MinResponseDataRate!.BytesPerSecond, limits.MinResponseDataRate.GracePeriod));
    }

    [Fact]
    public async Task Other_limits_bind_and_unset_rates_keep_kestrels_defaults()
    {
        var limits = await LimitsAsync("--Kestrel:Limits:MaxRequestHeaderCount=20");

        Assert.Equal(20, limits.MaxRequestHeaderCount);
        Assert.Equal((240d, TimeSpan.FromSeconds(5)), (limits.MinRequestBodyDataRate!.BytesPerSecond, limits.MinRequestBodyDataRate.GracePeriod));
        Assert.Equal(240d, limits.MinResponseDataRate!.BytesPerSecond);
    }

    private static async Task<KestrelServerLimits> LimitsAsync(params string[] args)
    {
        await using var app = PulyaApplication.CreateBuilder(args).Build();
        return app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
    }
}
