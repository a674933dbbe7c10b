using Pulya.Benchmarks.Pooling;

namespace Pulya.Benchmarks.Tests;

public sealed class SetupCheckTests
{
    [Fact]
    public void A_false_check_throws_with_its_message()
    {
        SetupCheck.That(true, "never shown");
        SetupCheck.Status(200, 200, "GET /");

        Assert.Contains("routes found", Assert.Throws<InvalidOperationException>(() => SetupCheck.That(false, "routes found")).Message, StringComparison.Ordinal);
        Assert.Contains("GET /x answered 404, expected 200", Assert.Throws<InvalidOperationException>(() => SetupCheck.Status(200, 404, "GET /x")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("ObjectPool")]
    public async Task A_pooling_benchmark_request_that_is_not_answered_200_throws(string pooling)
    {
        var (host, application) = await PooledRequestBenchmarks.StartAsync(pooling);
        await using var _ = host;

        new DirectRequest("GET", "/").Run(application);
        var error = Assert.Throws<InvalidOperationException>(() => new DirectRequest("GET", "/no/such/route").Run(application));

        Assert.Contains("answered 404", error.Message, StringComparison.Ordinal);
    }
}
