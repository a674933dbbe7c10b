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

    [Theory]
    [InlineData("MinRequestBodyDataRate:GracePeriod=00:00:10", "Kestrel:Limits:MinRequestBodyDataRate:GracePeriod: '00:00:10' is set without Kestrel:Limits:MinRequestBodyDataRate:BytesPerSecond, which it qualifies; set both, or neither.")]
    [InlineData("MinResponseDataRate:BytesPerSecond=fast", "Failed to convert configuration value 'fast' at 'Kestrel:Limits:MinResponseDataRate:BytesPerSecond' to type 'System.Double'.")]
    [InlineData("MinResponseDataRate:BytesPerSecond=-1", "Kestrel:Limits:MinResponseDataRate:BytesPerSecond: '-1' is out of range. Value must be a positive number. To disable a minimum data rate, use null where a MinDataRate instance is expected.")]
    [InlineData("MinRequestBodyDataRate:BytesPerSecond=10|MinRequestBodyDataRate:GracePeriod=soon", "Failed to convert configuration value 'soon' at 'Kestrel:Limits:MinRequestBodyDataRate:GracePeriod' to type 'System.TimeSpan'.")]
    [InlineData("MinRequestBodyDataRate:BytesPerSecond=10|MinRequestBodyDataRate:GracePeriod=00:00:00.5", "Kestrel:Limits:MinRequestBodyDataRate:GracePeriod: '00:00:00.5' is out of range. The request body rate enforcement grace period must be greater than 1 second.")]
    [InlineData("MaxRequestBodySize=-5", "Kestrel:Limits:MaxRequestBodySize: '-5' is invalid. Value must be null or a non-negative number.")]
    [InlineData("MaxRequestHeaderCount=many", "Failed to convert configuration value 'many' at 'Kestrel:Limits:MaxRequestHeaderCount' to type 'System.Int32'.")]
    public async Task Invalid_limits_fail_naming_the_key_and_the_value(string settings, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LimitsAsync([.. settings.Split('|').Select(s => "--Kestrel:Limits:" + s)]));

        Assert.Equal(message, error.Message);
    }

    private static async Task<KestrelServerLimits> LimitsAsync(params string[] args)
    {
        await using var app = PulyaApplication.CreateBuilder(args).Build();
        return app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
    }
}
