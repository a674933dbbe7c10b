using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Testing;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Diagnostics;

/// <summary>What operators read in the log: where the server listens, and failures nobody else would see.</summary>
public sealed class OperationsLogTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_exception_while_disposing_the_request_services_is_logged_and_the_server_keeps_serving(TestTransport transport)
    {
        var logs = new CapturedLogs();
        await using var client = await StartWithLogsAsync(
            transport,
            app => app
                .MapGet("/sync", (ThrowingDisposable resource) => resource.Name)
                .MapGet("/async", (ThrowingAsyncDisposable resource) => resource.Name),
            logs,
            builder => builder.Services.AddScoped<ThrowingDisposable>().AddScoped<ThrowingAsyncDisposable>());

        Assert.Equal("sync", await client.Client.GetStringAsync(Path("/sync")));
        Assert.Equal("async", await client.Client.GetStringAsync(Path("/async")));

        await logs.WaitForAsync(e => e.Level == LogLevel.Error && e.Message == "Disposing the request services of GET /sync failed."
            && e.Exception is InvalidOperationException { Message: "dispose failed" });
        await logs.WaitForAsync(e => e.Level == LogLevel.Error && e.Message == "Disposing the request services of GET /async failed."
            && e.Exception is InvalidOperationException { Message: "async dispose failed" });
        Assert.Equal("sync", await client.Client.GetStringAsync(Path("/sync")));
    }

    [Fact]
    public async Task The_log_says_where_the_server_listens()
    {
        var logs = new CapturedLogs();
        await using var client = await StartWithLogsAsync(TestTransport.Kestrel, app => app.MapGet("/", () => "up"), logs);

        var address = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.Contains(logs.Entries, e => e.Category == "Pulya.Server" && e.Level == LogLevel.Information && e.Message == $"Now listening on: {address}");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_start_up_line_counts_the_routes_mapped_not_their_head_answers(TestTransport transport)
    {
        var logs = new CapturedLogs();
        await using var client = await StartWithLogsAsync(
            transport, app => app.MapGet("/", () => "up").MapGet("/users/{id:int}", (int id) => id).MapPost("/users", () => "created"), logs);

        Assert.Equal(5, client.Application.Router!.Table.Routes.Count);
        Assert.Single(logs.Entries, e => e.Category == "Pulya.Server" && e.Message.StartsWith("Pulya started: 3 routes mapped, router Linear", StringComparison.Ordinal));
    }

    public sealed class ThrowingDisposable : IDisposable
    {
        public string Name => "sync";

        public void Dispose() => throw new InvalidOperationException("dispose failed");
    }

    public sealed class ThrowingAsyncDisposable : IAsyncDisposable
    {
        public string Name => "async";

        public async ValueTask DisposeAsync()
        {
            await Task.Yield();
            throw new InvalidOperationException("async dispose failed");
        }
    }
}
