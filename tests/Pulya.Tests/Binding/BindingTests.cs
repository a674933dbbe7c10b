using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Pulya.Http;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Binding;

/// <summary>
/// The binding conformance suite: every binding, optionality, conversion and error case, run against each endpoint
/// binder (<see cref="CompiledBindingTests"/>, <see cref="GeneratedBindingTests"/>) with identical expectations.
/// </summary>
public abstract class BindingTests
{
    public enum Color
    {
        Red,
        DarkBlue,
    }

    [Theory]
    [InlineData("/int/42", "42")]
    [InlineData("/long/9000000000", "9000000000")]
    [InlineData("/guid/0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/bool/true", "True")]
    [InlineData("/double/2.5", "2.5")]
    [InlineData("/decimal/-1.25", "-1.25")]
    [InlineData("/enum/darkblue", "DarkBlue")]
    [InlineData("/nullable/7", "7")]
    [InlineData("/string/a%20b", "a b")]
    public async Task Route_values_convert_to_the_parameter_type(string path, string expected)
    {
        await using var client = await StartAsync(MapTypedRoutes);

        Assert.Equal(expected, await client.Client.GetStringAsync(Path(path)));
    }

    [Theory]
    [InlineData("/int/abc", "The route value 'value' is not a valid 32-bit integer.")]
    [InlineData("/long/x", "The route value 'value' is not a valid 64-bit integer.")]
    [InlineData("/guid/nope", "The route value 'value' is not a valid GUID.")]
    [InlineData("/bool/maybe", "The route value 'value' is not a valid boolean (true or false).")]
    [InlineData("/double/one", "The route value 'value' is not a valid number.")]
    [InlineData("/decimal/1e", "The route value 'value' is not a valid decimal number.")]
    [InlineData("/enum/Green", "The route value 'value' is not a valid Color value (one of: Red, DarkBlue).")]
    [InlineData("/enum/1", "The route value 'value' is not a valid Color value (one of: Red, DarkBlue).")]
    [InlineData("/nullable/x", "The route value 'value' is not a valid 32-bit integer.")]
    public async Task Unconvertible_route_values_are_400_naming_the_parameter(string path, string message)
    {
        await using var client = await StartAsync(MapTypedRoutes);

        using var response = await client.Client.GetAsync(Path(path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{{\"error\":\"{message}\"}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Query_parameters_bind_implicitly_and_explicitly_with_defaults()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/q", (int page, [Query("size")] int? pageSize, string sort = "name", Color color = Color.Red) => $"{page}|{pageSize}|{sort}|{color}")
            .MapGet("/all", ([Query] string[] tag, [Query("tag")] StringValues values) => $"{string.Join(',', tag)}|{values.Count}"));

        Assert.Equal("2||name|Red", await client.Client.GetStringAsync(Path("/q?page=2")));
        Assert.Equal("3|10|date|DarkBlue", await client.Client.GetStringAsync(Path("/q?page=3&size=10&sort=date&color=darkBlue")));
        Assert.Equal("1||a b|Red", await client.Client.GetStringAsync(Path("/q?page=1&page=9&sort=a%20b")));
        Assert.Equal("x,y|2", await client.Client.GetStringAsync(Path("/all?tag=x&tag=y")));
        Assert.Equal("|0", await client.Client.GetStringAsync(Path("/all")));

        using var missing = await client.Client.GetAsync(Path("/q?size=1"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("{\"error\":\"The query parameter 'page' is required.\"}", await missing.Content.ReadAsStringAsync());

        using var invalid = await client.Client.GetAsync(Path("/q?page=two"));
        Assert.Equal("{\"error\":\"The query parameter 'page' is not a valid 32-bit integer.\"}", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Header_parameters_bind_single_and_all_values()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/h", ([Header("X-Count")] int count, [Header("X-Name")] string? name) => $"{count}|{name}")
            .MapGet("/all", ([Header("X-Tag")] string[] tags, [Header("X-Tag")] StringValues values) => $"{string.Join(',', tags)}|{values.Count}")
            .MapGet("/last", ([Header("X-Tag", Strategy = HeaderStrategy.Last)] string tag) => tag)
            .MapGet("/forbid", ([Header("X-Tag", Strategy = HeaderStrategy.Forbid)] string tag) => tag));

        Assert.Equal("5|ann", await Send(client, "/h", ("X-Count", "5"), ("X-Name", "ann")));
        Assert.Equal("5|", await Send(client, "/h", ("X-Count", "5")));
        Assert.Equal("a,b|2", await Send(client, "/all", ("X-Tag", "a"), ("X-Tag", "b")));
        Assert.Equal("b", await Send(client, "/last", ("X-Tag", "a"), ("X-Tag", "b")));

        Assert.Equal("{\"error\":\"The header 'X-Count' is required.\"}", await Send(client, "/h"));
        Assert.Equal("{\"error\":\"The header 'X-Count' is not a valid 32-bit integer.\"}", await Send(client, "/h", ("X-Count", "many")));
        Assert.Equal("{\"error\":\"The header 'X-Tag' must have one value but has 2.\"}", await Send(client, "/forbid", ("X-Tag", "a"), ("X-Tag", "b")));
    }

    [Fact]
    public async Task Default_header_strategy_comes_from_options()
    {
        await using var client = await StartAsync(app => app.MapGet("/h", ([Header("X-Tag")] string tag) => tag), null, "--Pulya:HeaderStrategy=Forbid");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/h");
        request.Headers.Add("X-Tag", ["a", "b"]);
        using var response = await client.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Services_bind_from_di_with_a_scope_per_request()
    {
        await using var client = await StartAsync(
            app => app
                .MapGet("/s", (Counter singleton, ScopedThing scoped, [Service] ScopedThing again, PulyaRequest request, Missing? missing) =>
                    $"{singleton.Next()}|{ReferenceEquals(scoped, again)}|{scoped.Path}|{missing is null}")
                .MapGet("/o", ([Service] Missing? missing, [Service] Counter counter) => $"{missing is null}|{counter.Next()}"),
            builder => builder.Services.AddSingleton<Counter>().AddScoped<ScopedThing>());

        Assert.Equal("1|True|/s|True", await client.Client.GetStringAsync(Path("/s")));
        Assert.Equal("2|True|/s|True", await client.Client.GetStringAsync(Path("/s")));
        Assert.Equal("True|3", await client.Client.GetStringAsync(Path("/o")));
    }

    [Fact]
    public async Task Scoped_services_without_a_request_scope_are_refused()
    {
        await using var client = await StartAsync(app => app.MapGet("/", () => "ok"), builder => builder.Services.AddScoped<ScopedThing>());
        using var scope = client.Application.Services.CreateScope();

        Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<ScopedThing>());
    }

    [Fact]
    public async Task Request_and_cancellation_token_are_available()
    {
        await using var client = await StartAsync(app => app.MapGet("/r/{id}", (PulyaRequest request, CancellationToken token) =>
        {
            request.Items["k"] = "v";
            return string.Join('|', request.Method, request.Path, request.QueryString, request.GetRouteValue("id"), request.GetRouteValue("nope") ?? "-",
                request.Route!.Template.Text, request.Items["k"], token.CanBeCanceled, request.RequestAborted == token, request.Features is not null,
                request.GetQuery("a").ToString(), request.GetQuery("zz").Count, request.Headers.Get("X-A"));
        }));

        Assert.Equal("GET|/r/7|?a=1|7|-|/r/{id}|v|True|True|True|1|0|x", await Send(client, "/r/7?a=1", ("X-A", "x")));
    }

    [Fact]
    public async Task Body_binds_explicitly_and_implicitly_and_may_be_optional()
    {
        await using var client = await StartAsync(app => app
            .MapPost("/explicit", ([Body] Point point) => point.X + point.Y)
            .MapPost("/implicit", (Point point, int scale) => (point.X + point.Y) * scale)
            .MapPost("/optional", ([Body] Point? point) => point is null ? "none" : "some"));

        Assert.Equal("3", await Post(client, "/explicit", "{\"x\":1,\"y\":2}"));
        Assert.Equal("30", await Post(client, "/implicit?scale=10", "{\"x\":1,\"y\":2}"));
        Assert.Equal("none", await Post(client, "/optional", ""));
        Assert.Equal("some", await Post(client, "/optional", "{}"));
        Assert.Equal("{\"error\":\"The request body is required.\"}", await Post(client, "/explicit", ""));
        Assert.Equal("{\"error\":\"The request body is required (it was null).\"}", await Post(client, "/explicit", "null"));
    }

    [Fact]
    public async Task A_body_without_content_type_is_read_by_the_default_serializer()
    {
        await using var client = await StartAsync(app => app.MapPost("/b", ([Body] Point point) => point.X));
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"x\":4}"));

        using var response = await client.Client.PostAsync(Path("/b"), content);

        Assert.Equal("4", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_body_parameters_fail_at_start_up_naming_the_route()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapPost("/two", ([Body] Point a, [Body] Point b) => a.X + b.X)));

        Assert.Contains("Route '/two', parameter 'b'", error.Message, StringComparison.Ordinal);
        Assert.Contains("one parameter only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_route_and_header_types_fail_at_start_up()
    {
        var route = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapGet("/p/{point}", (Point point) => point.X)));
        var header = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapGet("/h", ([Header("X-P")] Point point) => point.X)));

        Assert.Contains("Point cannot be bound from a route value", route.Message, StringComparison.Ordinal);
        Assert.Contains("Point cannot be bound from a header value", header.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nullable_enum_default_binds_as_the_enum()
    {
        await using var client = await StartAsync(app => app.MapGet("/shade", (Color? shade = Color.DarkBlue) => shade.ToString()!));

        Assert.Equal("DarkBlue", await client.Client.GetStringAsync(Path("/shade")));
        Assert.Equal("Red", await client.Client.GetStringAsync(Path("/shade?shade=red")));
    }

    /// <summary>The value of <c>Pulya:Binder</c> the suite runs with.</summary>
    protected abstract string Binder { get; }

    /// <summary>Starts the application with <see cref="Binder"/> selected (hides <see cref="TestApp.StartAsync"/> in this suite).</summary>
    protected Task<Testing.PulyaTestClient> StartAsync(Action<Pulya.Hosting.PulyaApplication> map, Action<Pulya.Hosting.PulyaApplicationBuilder>? configure = null, params string[] args) =>
        TestApp.StartAsync(map, configure, [.. args, $"--Pulya:Binder={Binder}"]);

    private static void MapTypedRoutes(Pulya.Hosting.PulyaApplication app) => app
        .MapGet("/int/{value}", (int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/long/{value}", (long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/guid/{value}", (Guid value) => value.ToString())
        .MapGet("/bool/{value}", (bool value) => value.ToString())
        .MapGet("/double/{value}", (double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/decimal/{value}", (decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/enum/{value}", (Color value) => value.ToString())
        .MapGet("/nullable/{value}", (int? value) => value.ToString()!)
        .MapGet("/string/{value}", (string value) => value);

    private static async Task<string> Send(Testing.PulyaTestClient client, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var group in headers.GroupBy(h => h.Name))
        {
            request.Headers.Add(group.Key, group.Select(h => h.Value));
        }

        using var response = await client.Client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> Post(Testing.PulyaTestClient client, string path, string body)
    {
        using var response = await client.Client.PostAsync(Path(path), new StringContent(body, Encoding.UTF8, "application/json"));
        return await response.Content.ReadAsStringAsync();
    }

    public sealed record Point(int X, int Y);

    public sealed class Counter
    {
        private int _value;

        public int Next() => Interlocked.Increment(ref _value);
    }

    public sealed class ScopedThing(PulyaRequest request)
    {
        public string Path => request.Path;
    }

    public sealed class Missing;
}
