using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Binding;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Generators.Tests;

/// <summary>
/// Compiles a program with the generator, runs its endpoints with the <c>Generated</c> binder and with the runtime
/// compiler, and expects the same responses for every request: values, optionality, conversions and 400 messages.
/// </summary>
public sealed class GeneratedEndpointTests
{
    private const string Program = """
        using System;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Primitives;
        using Pulya;
        using Pulya.Hosting;
        using Pulya.Http;

        namespace Sample;

        public enum Color { Red, DarkBlue }

        public sealed record Point(int X, int Y);

        public sealed class Counter
        {
            private int _value;

            public int Next() => Interlocked.Increment(ref _value);
        }

        public sealed class Scoped(PulyaRequest request)
        {
            public string Path => request.Path;
        }

        public sealed class Handlers(int factor)
        {
            public static string Options(PulyaRequest request) => request.Method;

            public int Times(int n) => n * factor;
        }

        public static class Endpoints
        {
            public static void Map(PulyaApplication app)
            {
                app.MapGet("/route/{id:int}/{Name}/{*rest}", (int id, string name, string rest, Guid? g, Color color = Color.DarkBlue) => $"{id}|{name}|{rest}|{g}|{color}");
                app.MapGet("/types/{l}/{b}/{d}/{m}/{c}/{n}", (long l, bool b, double d, decimal m, Color c, int? n) => $"{l}|{b}|{d}|{m}|{c}|{n}");
                app.MapGet("/query", (long l, bool? b, double d = 0.5, decimal m = 1.25m, [Query("k")] string? key = null, [Query] string[] tag = null!, [Query("tag")] StringValues values = default, int @class = 3) =>
                    $"{l}|{b}|{d}|{m}|{key}|{string.Join(',', tag)}|{values.Count}|{@class}");
                app.MapGet("/header", ([Header("X-A")] int a, [Header("X-B", Strategy = HeaderStrategy.Last)] string? b, [Header("X-C")] string[] all, [Header("X-C")] StringValues values, [Header("X-D")] Color d = Color.Red) =>
                    $"{a}|{b}|{string.Join(',', all)}|{values.Count}|{d}");
                app.MapGet("/forbid", ([Header("X-A", Strategy = HeaderStrategy.Forbid)] string a) => a);
                app.MapPost("/body/{scale}", (Point point, int scale, Counter counter, [Service] Scoped scoped, [Service] IDisposable? missing, PulyaRequest request, CancellationToken token) =>
                    $"{(point.X + point.Y) * scale}|{counter.Next()}|{scoped.Path}|{missing is null}|{request.Method}|{token.CanBeCanceled}");
                app.MapPost("/explicit", ([Body] Point? point) => point is null ? "none" : "some");
                app.MapPost("/required", ([Body] Point point) => point.X);
                app.MapDelete("/void", () => { });
                app.MapPut("/task", async () => { await Task.Yield(); });
                app.MapPatch("/valuetask", () => ValueTask.CompletedTask);
                app.MapGet("/taskof", async (int n) => { await Task.Yield(); return n * 2; });
                app.MapGet("/valuetaskof", (int n) => new ValueTask<Point>(new Point(n, n)));
                app.MapGet("/dynamic", () => (dynamic)"dyn");
                app.Map("OPTIONS", "/map", Handlers.Options);
                app.MapGet("/method", new Handlers(3).Times);
                app.MapGet("/params", (params string[] tag) => tag.Length);
                app.MapPost("/d/char", ([Body] char c = 'x') => c.ToString());
                app.MapPost("/d/float", ([Body] float f = 1.5f) => f.ToString());
                app.MapPost("/d/nan", (double d = double.NaN) => d.ToString());
                app.MapPost("/d/inf", (double d = double.PositiveInfinity) => d.ToString());
                app.MapPost("/d/ninf", ([Body] float f = float.NegativeInfinity) => f.ToString());
                app.MapPost("/d/long", (long[] l, long x = -5L) => x);
                app.MapPost("/d/ulong", ([Body] ulong u = 18446744073709551615UL) => u);
                app.MapPost("/d/uint", ([Body] uint u = 7U) => u);
                app.MapPost("/d/short", ([Body] short s = -2) => s);
                app.MapPost("/d/bool", (bool? b = true) => b);
                app.MapPost("/d/enum", (Color? c = Color.DarkBlue) => c);
                app.MapPost("/d/point", (Point? p = null) => p is null);
                app.MapGet("/caller", (ClaimsPrincipal user, HttpContext http, PulyaRequest request) => $"{user.Identity!.IsAuthenticated}|{http.Request.Path}|{ReferenceEquals(http, request.HttpContext)}|{ReferenceEquals(user, http.User)}");
                app.MapGet("/q/double", (double d = double.NaN, long f = 2L, string s = "a\"b") => $"{d}|{f}|{s}");
            }
        }
        """;

    private const string UnregisteredServiceProgram = """
        using Pulya;
        using Pulya.Hosting;

        namespace Unregistered;

        public sealed class Clock;

        public sealed record Filter(int Page);

        public static class Endpoints
        {
            public static void MapService(PulyaApplication app) => app.MapGet("/now", ([Service] Clock clock) => "never");

            public static void MapImplicit(PulyaApplication app) => app.MapGet("/list", (Filter filter) => "never");
        }
        """;

    private static readonly Assembly Compiled = GeneratorHarness.Load(Program);

    public static TheoryData<string, string, string?, string?> Requests => new()
    {
        { "GET", "/route/5/ann/a/b?g=0f8fad5b-d9cb-469f-a165-70867728950e&color=red", null, null },
        { "GET", "/route/5/ann/a", null, null },
        { "GET", "/route/5/ann/a?g=nope", null, null },
        { "GET", "/route/5/ann/a?color=7", null, null },
        { "GET", "/types/1/true/2.5/-1.25/darkblue/7", null, null },
        { "GET", "/types/x/true/2.5/1/red/7", null, null },
        { "GET", "/types/1/maybe/2.5/1/red/7", null, null },
        { "GET", "/types/1/true/one/1/red/7", null, null },
        { "GET", "/types/1/true/1/1e/red/7", null, null },
        { "GET", "/types/1/true/1/1/green/7", null, null },
        { "GET", "/types/1/true/1/1/red/x", null, null },
        { "GET", "/query?l=1&b=true&d=2.5&m=1.5&k=v&tag=a&tag=b&class=4", null, null },
        { "GET", "/query?l=1", null, null },
        { "GET", "/query", null, null },
        { "GET", "/query?l=x", null, null },
        { "GET", "/header", "X-A: 5|X-B: one|X-B: two|X-C: a|X-C: b|X-D: darkBlue", null },
        { "GET", "/header", "X-A: 5", null },
        { "GET", "/header", null, null },
        { "GET", "/header", "X-A: many", null },
        { "GET", "/forbid", "X-A: a|X-A: b", null },
        { "POST", "/body/2", null, "{\"x\":1,\"y\":2}" },
        { "POST", "/body/x", null, "{\"x\":1,\"y\":2}" },
        { "POST", "/body/2", null, "{\"x\":" },
        { "POST", "/explicit", null, "" },
        { "POST", "/explicit", null, "{}" },
        { "POST", "/required", null, "" },
        { "POST", "/required", null, "null" },
        { "DELETE", "/void", null, null },
        { "PUT", "/task", null, null },
        { "PATCH", "/valuetask", null, null },
        { "GET", "/taskof?n=2", null, null },
        { "GET", "/valuetaskof?n=3", null, null },
        { "GET", "/dynamic", null, null },
        { "OPTIONS", "/map", null, null },
        { "GET", "/method?n=4", null, null },
        { "GET", "/params?tag=a&tag=b", null, null },
        { "POST", "/d/char", null, "\"y\"" },
        { "POST", "/d/float", null, "" },
        { "POST", "/d/nan", null, "" },
        { "POST", "/d/inf", null, "" },
        { "POST", "/d/ninf", null, "" },
        { "POST", "/d/long", null, "[1]" },
        { "POST", "/d/ulong", null, "" },
        { "POST", "/d/uint", null, "3" },
        { "POST", "/d/short", null, "" },
        { "POST", "/d/bool", null, "false" },
        { "POST", "/d/enum", null, "" },
        { "POST", "/d/point", null, "" },
        { "GET", "/q/double?d=1.5", null, null },
        { "GET", "/caller", null, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Generated_bindings_answer_like_the_runtime_compiler(string method, string path, string? headers, string? body)
    {
        var generated = await SendAsync("Generated", method, path, headers, body);
        var compiled = await SendAsync("Compiled", method, path, headers, body);

        Assert.Equal(compiled, generated);
    }

    [Fact]
    public async Task Every_endpoint_of_the_program_has_a_generated_binding()
    {
        await using var client = await StartAsync("Generated");

        var routes = client.Application.Router!.Table.Routes;

        Assert.Equal(31, routes.Count(r => r.Method != "HEAD"));
        Assert.All(routes, route => Assert.StartsWith("Pulya.Generated.", ((EndpointBinding)route.Endpoint!).Invoke.Method.DeclaringType!.FullName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bound_arguments_can_be_replaced_before_the_generated_call()
    {
        await using var client = await StartAsync("Generated");
        var binding = (EndpointBinding)client.Application.Router!.Table.Routes.Single(r => r.ToString() == "GET /method").Endpoint!;

        var response = await client.Client.GetStringAsync(new Uri("/method?n=2", UriKind.Relative));
        var replaced = await binding.InvokeWithArguments(null!, [5]);

        Assert.Equal("6", response);
        Assert.Equal(15, replaced);
    }

    [Theory]
    [InlineData("MapService", "parameter 'clock': it is marked [Service], but Clock is not registered")]
    [InlineData("MapImplicit", "If it is a service, register it (builder.Services.AddSingleton<Filter>()")]
    public async Task A_parameter_no_registered_service_can_bind_fails_the_start_up_alike_with_both_binders(string map, string expected)
    {
        var program = GeneratorHarness.Load(UnregisteredServiceProgram);
        Task<PulyaTestClient> Start(string binder) => PulyaTestClient.StartAsync(
            app => program.GetType("Unregistered.Endpoints")!.GetMethod(map)!.Invoke(null, [app]), null, $"--Pulya:Binder={binder}", "--Logging:LogLevel:Default=None");

        var generated = await Assert.ThrowsAsync<InvalidOperationException>(() => Start("Generated"));
        var compiled = await Assert.ThrowsAsync<InvalidOperationException>(() => Start("Compiled"));

        Assert.Equal(compiled.Message, generated.Message);
        Assert.Contains(expected, generated.Message, StringComparison.Ordinal);
    }

    private static Task<PulyaTestClient> StartAsync(string binder) =>
        PulyaTestClient.StartAsync(
            app => Compiled.GetType("Sample.Endpoints")!.GetMethod("Map")!.Invoke(null, [app]),
            builder => builder.Services.AddSingleton(Compiled.GetType("Sample.Counter")!).AddScoped(Compiled.GetType("Sample.Scoped")!),
            $"--Pulya:Binder={binder}", "--Logging:LogLevel:Default=None");

    private static async Task<string> SendAsync(string binder, string method, string path, string? headers, string? body)
    {
        await using var client = await StartAsync(binder);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        foreach (var header in (headers ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries).Select(h => h.Split(": ")).GroupBy(h => h[0]))
        {
            request.Headers.Add(header.Key, header.Select(h => h[1]));
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await client.Client.SendAsync(request);
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {await response.Content.ReadAsStringAsync()}";
    }
}
