using System.Net;
using Microsoft.Extensions.Logging;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests;
using static Pulya.Middleware.Tests.MiddlewareApp;

namespace Pulya.Middleware.Tests;

public sealed class RequestLoggingTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Every_request_is_logged_with_method_path_status_and_duration(TestTransport transport)
    {
        var logs = new CapturedLogs();
        await using var client = await StartAsync(transport, app => app
            .UseRequestLogging()
            .MapGet("/ok", () => "ok")
            .MapPost("/created", () => Response.Text("made", 201))
            .MapGet("/nothing", () => { })
            .MapGet("/boom", string () => throw new InvalidOperationException("x")), logs);

        await client.Client.GetAsync(Path("/ok"));
        await client.Client.PostAsync(Path("/created"), null);
        await client.Client.GetAsync(Path("/nothing"));
        await client.Client.GetAsync(Path("/boom"));
        await client.Client.GetAsync(Path("/missing"));
        await client.Client.DeleteAsync(Path("/ok"));

        var lines = Requests(logs);
        Assert.Equal(
            ["GET /ok responded 200", "POST /created responded 201", "GET /nothing responded 204", "GET /boom responded 500", "GET /missing responded 404", "DELETE /ok responded 405"],
            lines.Select(l => l[..l.IndexOf(" in ", StringComparison.Ordinal)]));
        Assert.All(lines, l => Assert.Matches(@" in \d+\.\d{3} ms$", l));
        Assert.All(logs.Entries.Where(e => e.Category == RequestLoggingMiddleware.Category), e => Assert.Equal(LogLevel.Information, e.Level));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_exception_from_inner_middleware_is_logged_as_500_and_answered_500(TestTransport transport)
    {
        var logs = new CapturedLogs();
        await using var client = await StartAsync(transport, app => app
            .UseRequestLogging()
            .Use((_, _) => throw new InvalidOperationException("broken middleware"))
            .MapGet("/", () => "x"), logs);

        using var response = await client.Client.GetAsync(Path("/"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("GET / responded 500 in ", Assert.Single(Requests(logs)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task On_a_group_only_its_routes_are_logged(TestTransport transport)
    {
        var logs = new CapturedLogs();
        await using var client = await StartAsync(transport, app =>
        {
            app.MapGroup("/api").UseRequestLogging().MapGet("/items", () => "items");
            app.MapGet("/health", () => "up");
        }, logs);

        await client.Client.GetStringAsync(Path("/health"));
        await client.Client.GetStringAsync(Path("/api/items"));

        Assert.StartsWith("GET /api/items responded 200", Assert.Single(Requests(logs)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_request_the_client_aborts_is_logged_as_aborted(TestTransport transport)
    {
        var logs = new CapturedLogs();
        var waiting = new WaitingRoute();
        await using var client = await StartAsync(transport, app => app.UseRequestLogging().MapGet("/wait", waiting.Handler), logs);

        await waiting.AbortAsync(client.Client, "/wait");
        await logs.WaitForAsync(e => e.Category == RequestLoggingMiddleware.Category && e.Message.StartsWith("GET /wait aborted by the client after ", StringComparison.Ordinal));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => new RequestLoggingMiddleware(null!));
        Assert.Throws<ArgumentNullException>(() => ((IMiddlewareBuilder)null!).UseRequestLogging());
    }

    private static List<string> Requests(CapturedLogs logs) =>
        [.. logs.Entries.Where(e => e.Category == RequestLoggingMiddleware.Category).Select(e => e.Message)];
}
