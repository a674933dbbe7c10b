using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Pulya.Http;
using Pulya.Routing;
using Pulya.Testing;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Middleware;

public sealed class RoutedMiddlewareTests
{
    /// <summary>
    /// Routed middleware as a module writes it: sees the route (or none), answers some requests itself, signs the caller in,
    /// and replaces the response body with one that upper-cases what the rest of the pipeline writes.
    /// </summary>
    private sealed class Uppercasing(List<string> seen) : IRoutedMiddleware
    {
        public Func<PulyaRequest, Task> Compose(RouteTable routes, Func<PulyaRequest, Task> next) => request =>
            request.Path == "/throws" ? throw new InvalidOperationException("synchronous failure") : InvokeAsync(routes, next, request);

        private async Task InvokeAsync(RouteTable routes, Func<PulyaRequest, Task> next, PulyaRequest request)
        {
            seen.Add($"{request.Path} {request.Route?.ToString() ?? "no route"} of {routes.Routes.Count}");
            switch (request.Path)
            {
                case "/answered":
                    await request.HttpContext.Response.WriteAsync("answered here");
                    return;
                case "/throws-async":
                    await Task.Yield();
                    throw new InvalidOperationException("asynchronous failure");
            }

            if (request.Headers.Get("X-User") is { } name)
            {
                request.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"));
            }

            var features = request.Features;
            var server = features.GetRequiredFeature<IHttpResponseBodyFeature>();
            features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(new UpperStream(server.Stream), server));
            try
            {
                await next(request);
            }
            finally
            {
                features.Set(server);
            }
        }
    }

    /// <summary>Upper-cases ASCII letters on their way to the inner stream.</summary>
    private sealed class UpperStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(buffer, offset, count).ToUpperInvariant()));

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            await inner.WriteAsync(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(buffer.Span).ToUpperInvariant()), cancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Routed_middleware_runs_after_routing_and_the_rest_writes_through_the_body_it_installed(TestTransport transport)
    {
        var seen = new List<string>();
        await using var client = await StartAsync(transport, app =>
        {
            app.UseRouted(new Uppercasing(seen));
            app.MapGet("/hello", () => "hello");
            app.MapGet("/json", () => new { word = "json" });
            app.MapGroup("/g").Use(async (request, next) => Response.From(await next(request)).WithHeader("X-Group", "yes")).MapGet("/in", () => "grouped");
        });

        using var hello = await client.Client.GetAsync("/hello");
        using var json = await client.Client.GetAsync("/json");
        using var grouped = await client.Client.GetAsync("/g/in");
        using var answered = await client.Client.GetAsync("/answered");
        using var missing = await client.Client.GetAsync("/missing");
        using var wrongMethod = await client.Client.DeleteAsync("/hello");

        Assert.Equal("HELLO", await hello.Content.ReadAsStringAsync());
        Assert.Equal("{\"WORD\":\"JSON\"}", await json.Content.ReadAsStringAsync());
        Assert.Equal("GROUPED", await grouped.Content.ReadAsStringAsync());
        Assert.Equal("yes", grouped.Headers.GetValues("X-Group").Single());
        Assert.Equal("answered here", await answered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("{\"ERROR\":\"NOT FOUND.\"}", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Contains("/hello GET /hello of 6", seen);
        Assert.Contains("/missing no route of 6", seen);
        Assert.Contains("/answered no route of 6", seen);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_routed_middleware_that_throws_gets_the_500_of_the_error_table(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
        {
            app.UseRouted(new Uppercasing([]));
            app.MapGet("/throws", () => "never");
        });

        using var synchronous = await client.Client.GetAsync("/throws");
        using var asynchronous = await client.Client.GetAsync("/throws-async");

        Assert.Equal(HttpStatusCode.InternalServerError, synchronous.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", await synchronous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, asynchronous.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", await asynchronous.Content.ReadAsStringAsync());
    }

    /// <summary>Both transports under both endpoint binders: the generated bindings and the compiled trees must agree.</summary>
    public static IEnumerable<object[]> TransportsAndBinders =>
        TestTransports.All.SelectMany(transport => new[] { "Generated", "Compiled" }.Select(binder => new object[] { transport, binder }));

    [Theory]
    [MemberData(nameof(TransportsAndBinders))]
    public async Task Handlers_receive_the_caller_as_ClaimsPrincipal_and_the_requests_HttpContext(TestTransport transport, string binder)
    {
        await using var client = await StartAsync(transport, app =>
        {
            app.UseRouted(new Uppercasing([]));
            app.MapGet("/me", (ClaimsPrincipal user, PulyaRequest request, HttpContext http) =>
                $"{user.Identity!.Name ?? "anonymous"} {user.Identity.IsAuthenticated} {ReferenceEquals(user, request.User)} {ReferenceEquals(user, http.User)} {ReferenceEquals(http, request.HttpContext)}");
        }, null, $"--Pulya:Binder={binder}");

        using var named = new HttpRequestMessage(HttpMethod.Get, "/me") { Headers = { { "X-User", "alice" } } };
        using var alice = await client.Client.SendAsync(named);
        using var anonymous = await client.Client.GetAsync("/me");

        Assert.Equal("ALICE TRUE TRUE TRUE TRUE", await alice.Content.ReadAsStringAsync());
        Assert.Equal("ANONYMOUS FALSE TRUE TRUE TRUE", await anonymous.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TransportsAndBinders))]
    public async Task Without_routed_middleware_a_handler_still_gets_an_HttpContext_and_what_it_wrote_itself_stays(TestTransport transport, string binder)
    {
        await using var client = await StartAsync(transport, app =>
        {
            app.MapGet("/manual", async (HttpContext http) =>
            {
                http.Response.ContentType = "text/plain";
                await http.Response.WriteAsync("written by the handler");
            });
            app.MapGet("/user", (ClaimsPrincipal user, HttpContext http) =>
            {
                http.Items["seen"] = user.Identity!.IsAuthenticated;
                return $"{http.Items["seen"]} {http.RequestServices is not null}";
            });
        }, null, $"--Pulya:Binder={binder}");

        using var manual = await client.Client.GetAsync("/manual");

        Assert.Equal(HttpStatusCode.OK, manual.StatusCode);
        Assert.Equal("written by the handler", await manual.Content.ReadAsStringAsync());
        Assert.Equal("False True", await client.Client.GetStringAsync("/user"));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Application_middleware_runs_inside_routed_middleware_and_still_sees_every_result(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
        {
            app.UseRouted(new Uppercasing([]));
            app.Use(async (request, next) => Response.From(await next(request)).WithHeader("X-App", request.Route?.ToString() ?? "none"));
            app.MapGet("/hello", () => "hello");
        });

        using var hello = await client.Client.GetAsync("/hello");
        using var missing = await client.Client.GetAsync("/missing");

        Assert.Equal("HELLO", await hello.Content.ReadAsStringAsync());
        Assert.Equal("GET /hello", hello.Headers.GetValues("X-App").Single());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("none", missing.Headers.GetValues("X-App").Single());
    }

    [Fact]
    public async Task A_route_requiring_ASP_NET_Core_authorization_without_any_routed_middleware_refuses_to_start()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app =>
            app.MapGet("/secret", () => "secret").WithMetadata(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute("admin"))));

        Assert.Contains("The route GET /secret requires authorization", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routed_middleware_cannot_be_added_after_the_start()
    {
        await using var client = await StartAsync(app => app.MapGet("/", () => "hi"));

        Assert.Throws<InvalidOperationException>(() => client.Application.UseRouted(new Uppercasing([])));
        Assert.Throws<ArgumentNullException>(() => client.Application.UseRouted(null!));
        Assert.Same(client.Application.Services, ((IRoutedMiddlewareBuilder)client.Application).Services);
    }

    [Fact]
    public async Task The_web_root_holds_the_wwwroot_files_and_an_endpoint_source_is_registered_for_ASP_NET_Core_services()
    {
        var root = Directory.CreateTempSubdirectory("pulya-webroot-");
        try
        {
            await File.WriteAllTextAsync(System.IO.Path.Combine(root.FullName, "a.txt"), "a");
            await using var withRoot = await StartAsync(app => app.MapGet("/", () => "hi"), null, $"--webroot={root.FullName}");
            await using var without = await StartAsync(app => app.MapGet("/", () => "hi"), null, "--webroot=no-such-folder");

            var environment = withRoot.Application.Services.GetRequiredService<IWebHostEnvironment>();
            Assert.Equal(root.FullName, environment.WebRootPath);
            Assert.True(environment.WebRootFileProvider.GetFileInfo("a.txt").Exists);
            Assert.IsType<NullFileProvider>(without.Application.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider);
            Assert.Empty(withRoot.Application.Services.GetRequiredService<EndpointDataSource>().Endpoints);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
