using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Tests.Hosting;

/// <summary><c>app.MapHealthChecks</c> over real Kestrel sockets and the in-memory test server.</summary>
public sealed class HealthCheckTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Healthy_checks_answer_200_with_the_status_as_text(TestTransport transport)
    {
        await using var server = await StartAsync(transport, checks => checks
            .AddCheck("database", () => HealthCheckResult.Healthy())
            .AddCheck("cache", () => HealthCheckResult.Healthy()));

        using var response = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl is { NoStore: true, NoCache: true });
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_degraded_check_still_answers_200(TestTransport transport)
    {
        await using var server = await StartAsync(transport, checks => checks
            .AddCheck("database", () => HealthCheckResult.Healthy())
            .AddCheck("disk", () => HealthCheckResult.Degraded("almost full")));

        using var response = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_unhealthy_or_throwing_check_answers_503(TestTransport transport)
    {
        await using var unhealthy = await StartAsync(transport, checks => checks
            .AddCheck("database", () => HealthCheckResult.Unhealthy("unreachable"))
            .AddCheck("cache", () => HealthCheckResult.Healthy()));
        await using var throwing = await StartAsync(transport, checks => checks
            .AddCheck("database", () => throw new InvalidOperationException("connection refused")));

        using var first = await unhealthy.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var second = await throwing.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (first.StatusCode, await first.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (second.StatusCode, await second.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_predicate_separates_liveness_from_readiness(TestTransport transport)
    {
        await using var server = await StartAsync(
            transport,
            checks => checks.AddCheck("database", () => HealthCheckResult.Unhealthy(), tags: ["ready"]),
            app => app.MapHealthChecks("/livez", check => !check.Tags.Contains("ready")).MapHealthChecks("/readyz", check => check.Tags.Contains("ready")));

        using var live = await server.Client.GetAsync(new Uri("/livez", UriKind.Relative));
        using var ready = await server.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/livez"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task Mapping_without_the_health_check_services_fails_with_what_to_call()
    {
        await using var app = PulyaApplication.CreateBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapHealthChecks("/healthz"));

        Assert.Contains("AddHealthChecks()", error.Message, StringComparison.Ordinal);
    }

    private static Task<PulyaTestClient> StartAsync(TestTransport transport, Action<IHealthChecksBuilder> checks, Action<PulyaApplication>? map = null) =>
        PulyaTestClient.StartAsync(transport, map ?? (app => app.MapHealthChecks("/healthz")), builder =>
        {
            builder.Logging.ClearProviders();
            checks(builder.Services.AddHealthChecks());
        });
}
