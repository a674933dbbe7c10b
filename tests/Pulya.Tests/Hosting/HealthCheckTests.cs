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
    public static TheoryData<bool> Transports => new() { false, true };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Healthy_checks_answer_200_with_the_status_as_text(bool kestrel)
    {
        await using var server = await HealthServer.StartAsync(kestrel, checks => checks
            .AddCheck("database", () => HealthCheckResult.Healthy())
            .AddCheck("cache", () => HealthCheckResult.Healthy()));

        using var response = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl is { NoStore: true, NoCache: true });
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_degraded_check_still_answers_200(bool kestrel)
    {
        await using var server = await HealthServer.StartAsync(kestrel, checks => checks
            .AddCheck("database", () => HealthCheckResult.Healthy())
            .AddCheck("disk", () => HealthCheckResult.Degraded("almost full")));

        using var response = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_unhealthy_or_throwing_check_answers_503(bool kestrel)
    {
        await using var unhealthy = await HealthServer.StartAsync(kestrel, checks => checks
            .AddCheck("database", () => HealthCheckResult.Unhealthy("unreachable"))
            .AddCheck("cache", () => HealthCheckResult.Healthy()));
        await using var throwing = await HealthServer.StartAsync(kestrel, checks => checks
            .AddCheck("database", () => throw new InvalidOperationException("connection refused")));

        using var first = await unhealthy.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var second = await throwing.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (first.StatusCode, await first.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (second.StatusCode, await second.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_predicate_separates_liveness_from_readiness(bool kestrel)
    {
        await using var server = await HealthServer.StartAsync(
            kestrel,
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

    /// <summary>An application with health checks, on Kestrel at 127.0.0.1:0 or on the test server.</summary>
    private sealed class HealthServer(PulyaApplication app, HttpClient client, PulyaTestClient? testClient) : IAsyncDisposable
    {
        public HttpClient Client => client;

        public static async Task<HealthServer> StartAsync(bool kestrel, Action<IHealthChecksBuilder> checks, Action<PulyaApplication>? map = null)
        {
            map ??= app => app.MapHealthChecks("/healthz");
            if (!kestrel)
            {
                var test = await PulyaTestClient.StartAsync(map, builder =>
                {
                    builder.Logging.ClearProviders();
                    checks(builder.Services.AddHealthChecks());
                });
                return new HealthServer(test.Application, test.Client, test);
            }

            var builder = PulyaApplication.CreateBuilder(["--urls=http://127.0.0.1:0"]);
            builder.Logging.ClearProviders();
            checks(builder.Services.AddHealthChecks());
            var app = builder.Build();
            map(app);
            await app.StartAsync();
            return new HealthServer(app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) }, null);
        }

        public async ValueTask DisposeAsync()
        {
            if (testClient is not null)
            {
                await testClient.DisposeAsync();
                return;
            }

            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
