using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Http;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Binding;

/// <summary>
/// The binding conformance suite: every binding, optionality, conversion and error case, run on both transports against
/// each endpoint binder (<c>Compiled</c>; <c>Generated</c>, see <see cref="GeneratedBindingTests"/>) with identical expectations.
/// </summary>
public abstract class BindingTests(TestTransport transport, string binder) : TransportTests(transport)
{
    [Flags]
    public enum Access
    {
        None = 0,
        Read = 1,
        Write = 2,
    }

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
    [InlineData("/enum/1", "DarkBlue")]
    [InlineData("/enum/0", "Red")]
    [InlineData("/flags/read,%20WRITE", "Read, Write")]
    [InlineData("/flags/Read,Write", "Read, Write")]
    [InlineData("/flags/2", "Write")]
    [InlineData("/float/1.5e3", "1500")]
    [InlineData("/double/-2.5E-1", "-0.25")]
    [InlineData("/decimal/+3.5", "3.5")]
    [InlineData("/short/-300", "-300")]
    [InlineData("/byte/255", "255")]
    [InlineData("/sbyte/-128", "-128")]
    [InlineData("/ushort/65535", "65535")]
    [InlineData("/uint/4000000000", "4000000000")]
    [InlineData("/ulong/18446744073709551615", "18446744073709551615")]
    [InlineData("/char/%C3%A9", "é")]
    [InlineData("/datetime/2026-01-31T13:45:00Z", "2026-01-31T13:45:00.0000000Z")]
    [InlineData("/datetime/2026-01-31T13:45:00%2B02:00", "2026-01-31T11:45:00.0000000Z")]
    [InlineData("/datetime/2026-01-31", "2026-01-31T00:00:00.0000000")]
    [InlineData("/datetimeoffset/2026-01-31T13:45:00", "2026-01-31T13:45:00.0000000+00:00")]
    [InlineData("/dateonly/2026-01-31", "2026-01-31")]
    [InlineData("/timeonly/13:45", "13:45:00.0000000")]
    [InlineData("/timespan/1.02:03:04", "1.02:03:04")]
    [InlineData("/parsable/my-slug", "slug:my-slug")]
    [InlineData("/tryparse/3;4", "(3, 4)")]
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
    [InlineData("/enum/2", "The route value 'value' is not a valid Color value (one of: Red, DarkBlue).")]
    [InlineData("/enum/%203", "The route value 'value' is not a valid Color value (one of: Red, DarkBlue).")]
    [InlineData("/enum/+1", "The route value 'value' is not a valid Color value (one of: Red, DarkBlue).")]
    [InlineData("/enum/Red,DarkBlue", "The route value 'value' is not a valid Color value (one of: Red, DarkBlue).")]
    [InlineData("/flags/Read,Delete", "The route value 'value' is not a valid Access value (one of: None, Read, Write).")]
    [InlineData("/flags/3", "The route value 'value' is not a valid Access value (one of: None, Read, Write).")]
    [InlineData("/decimal/1,5", "The route value 'value' is not a valid decimal number.")]
    [InlineData("/decimal/1,,,0,0", "The route value 'value' is not a valid decimal number.")]
    [InlineData("/decimal/5-", "The route value 'value' is not a valid decimal number.")]
    [InlineData("/decimal/%205", "The route value 'value' is not a valid decimal number.")]
    [InlineData("/double/1,5", "The route value 'value' is not a valid number.")]
    [InlineData("/float/5-", "The route value 'value' is not a valid number.")]
    [InlineData("/short/40000", "The route value 'value' is not a valid 16-bit integer.")]
    [InlineData("/byte/256", "The route value 'value' is not a valid 8-bit unsigned integer.")]
    [InlineData("/sbyte/128", "The route value 'value' is not a valid 8-bit integer.")]
    [InlineData("/ushort/-1", "The route value 'value' is not a valid 16-bit unsigned integer.")]
    [InlineData("/uint/-1", "The route value 'value' is not a valid 32-bit unsigned integer.")]
    [InlineData("/ulong/1.0", "The route value 'value' is not a valid 64-bit unsigned integer.")]
    [InlineData("/char/ab", "The route value 'value' is not a valid single character.")]
    [InlineData("/datetime/yesterday", "The route value 'value' is not a valid date and time (e.g. 2026-01-31T13:45:00Z).")]
    [InlineData("/dateonly/2026-02-30", "The route value 'value' is not a valid date (e.g. 2026-01-31).")]
    [InlineData("/timeonly/25:00", "The route value 'value' is not a valid time of day (e.g. 13:45:00).")]
    [InlineData("/timespan/x", "The route value 'value' is not a valid time span (e.g. 01:30:00).")]
    [InlineData("/parsable/NOPE", "The route value 'value' is not a valid Slug value.")]
    [InlineData("/tryparse/nope", "The route value 'value' is not a valid Coordinates value.")]
    [InlineData("/nullable/x", "The route value 'value' is not a valid 32-bit integer.")]
    public async Task Unconvertible_route_values_are_400_naming_the_parameter(string path, string message)
    {
        await using var client = await StartAsync(MapTypedRoutes);

        using var response = await client.Client.GetAsync(Path(path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{{\"error\":\"{message}\"}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_value_a_typed_route_constraint_accepts_always_binds_to_that_type()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/c/decimal/{v:decimal}", (decimal v) => v.ToString(CultureInfo.InvariantCulture))
            .MapGet("/c/double/{v:double}", (double v) => v.ToString(CultureInfo.InvariantCulture))
            .MapGet("/c/float/{v:float}", (float v) => v.ToString(CultureInfo.InvariantCulture))
            .MapGet("/c/datetime/{v:datetime}", (DateTime v) => v.ToString("o", CultureInfo.InvariantCulture))
            .MapGet("/c/min/{v:min(1)}", (long v) => v.ToString(CultureInfo.InvariantCulture))
            .MapGet("/c/range/{v:int:range(1,9)}", (int v) => v.ToString(CultureInfo.InvariantCulture)));
        string[] numbers = ["1.5", "-2", "+7", "1e3", "1,5", "5-", "%205", "0x10", "NaN", "9", "10", "x"];
        string[] dates = ["2024-01-31", "2024-01-31T10:20:30Z", "2024-02-30", "yesterday"];

        var answers = new List<string>();
        foreach (var kind in new[] { "decimal", "double", "float", "datetime", "min", "range" })
        {
            foreach (var value in kind == "datetime" ? dates : numbers)
            {
                using var response = await client.Client.GetAsync(Path($"/c/{kind}/{value}"));
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{kind} {value}: {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    answers.Add($"{kind} {value}={await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.Equal(
        [
            "decimal 1.5=1.5", "decimal -2=-2", "decimal +7=7", "decimal 1e3=1000", "decimal 9=9", "decimal 10=10",
            "double 1.5=1.5", "double -2=-2", "double +7=7", "double 1e3=1000", "double NaN=NaN", "double 9=9", "double 10=10",
            "float 1.5=1.5", "float -2=-2", "float +7=7", "float 1e3=1000", "float NaN=NaN", "float 9=9", "float 10=10",
            "datetime 2024-01-31=2024-01-31T00:00:00.0000000", "datetime 2024-01-31T10:20:30Z=2024-01-31T10:20:30.0000000Z",
            "min +7=7", "min 9=9", "min 10=10", "range +7=7", "range 9=9",
        ], answers);
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

        var body = await Send(client, "/h", ("X-Tag", "a"), ("X-Tag", "b"));

        Assert.Equal("{\"error\":\"The header 'X-Tag' must have one value but has 2.\"}", body);
    }

    [Fact]
    public async Task Services_bind_from_di_with_a_scope_per_request()
    {
        await using var client = await StartAsync(
            app => app
                .MapGet("/s", (Counter singleton, ScopedThing scoped, [Service] ScopedThing again, PulyaRequest request, [Service] Missing? missing) =>
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

    [Fact]
    public async Task User_and_HttpContext_parameters_bind_and_task_results_are_awaited()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/identity", (System.Security.Claims.ClaimsPrincipal user, Microsoft.AspNetCore.Http.HttpContext http) => $"{user.Identity?.IsAuthenticated} {http.Request.Path}")
            .MapGet("/task", async () => await Task.Yield())
            .MapGet("/value-task", () => ValueTask.CompletedTask));

        Assert.Equal("False /identity", await client.Client.GetStringAsync(Path("/identity")));
        using var task = await client.Client.GetAsync(Path("/task"));
        using var valueTask = await client.Client.GetAsync(Path("/value-task"));
        Assert.Equal(HttpStatusCode.NoContent, task.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, valueTask.StatusCode);
    }

    /// <summary>Starts the application on the suite's transport with its binder selected.</summary>
    protected new Task<Testing.PulyaTestClient> StartAsync(Action<Pulya.Hosting.PulyaApplication> map, Action<Pulya.Hosting.PulyaApplicationBuilder>? configure = null, params string[] args) =>
        base.StartAsync(map, configure, [.. args, $"--Pulya:Binder={binder}"]);
    public async Task Simple_types_bind_from_the_query_too()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/since", (DateTime since, DateOnly? day, TimeSpan window = default, float ratio = 1, char sep = '-', Slug? slug = null) =>
                $"{since:O}|{day:O}|{window:c}|{ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{sep}|{slug}"));

        Assert.Equal("2026-01-01T00:00:00.0000000||00:00:00|1|-|", await client.Client.GetStringAsync(Path("/since?since=2026-01-01")));
        Assert.Equal("2026-01-01T00:00:00.0000000|2026-02-03|00:05:00|0.5|;|slug:a-b", await client.Client.GetStringAsync(Path("/since?since=2026-01-01&day=2026-02-03&window=00:05:00&ratio=0.5&sep=%3B&slug=a-b")));
        using var invalid = await client.Client.GetAsync(Path("/since?since=2026-01-01&ratio=1,5"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("{\"error\":\"The query parameter 'ratio' is not a valid number.\"}", await invalid.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("DELETE")]
    public async Task A_complex_parameter_of_a_bodyless_method_fails_at_start_up_naming_it(string method)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.Map(method, "/points", (Point filter) => filter.X)));

        Assert.Contains("Route '/points', parameter 'filter'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"a {method} request has no body", error.Message, StringComparison.Ordinal);
        Assert.Contains("If it is a service, register it (builder.Services.AddSingleton<Point>(), AddScoped or AddTransient)", error.Message, StringComparison.Ordinal);
        Assert.Contains("if it is the request body, mark the parameter [Body]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_service_parameter_whose_type_is_not_registered_fails_at_start_up_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapGet("/m", ([Service] Missing missing) => "never")));

        Assert.Contains("Route '/m', parameter 'missing': it is marked [Service], but Missing is not registered", error.Message, StringComparison.Ordinal);
        Assert.Contains("builder.Services.AddSingleton<Missing>()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_body_on_delete_is_still_allowed()
    {
        await using var client = await StartAsync(app => app.MapDelete("/points", ([Body] Point point) => point.X));
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/points") { Content = new StringContent("{\"x\":6,\"y\":1}", Encoding.UTF8, "application/json") };

        using var response = await client.Client.SendAsync(request);

        Assert.Equal("6", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_try_parse_parser_for_a_type_without_the_method_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Pulya.CompilerServices.SpanParsers.WithTryParse<Point>());

        Assert.Contains("Point has no static TryParse(string, IFormatProvider, out Point)", error.Message, StringComparison.Ordinal);
    }

    private static void MapTypedRoutes(Pulya.Hosting.PulyaApplication app) => app
        .MapGet("/int/{value}", (int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/long/{value}", (long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/guid/{value}", (Guid value) => value.ToString())
        .MapGet("/bool/{value}", (bool value) => value.ToString())
        .MapGet("/double/{value}", (double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/decimal/{value}", (decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/enum/{value}", (Color value) => value.ToString())
        .MapGet("/nullable/{value}", (int? value) => value.ToString()!)
        .MapGet("/string/{value}", (string value) => value)
        .MapGet("/flags/{value}", (Access value) => value.ToString())
        .MapGet("/float/{value}", (float value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/short/{value}", (short value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/byte/{value}", (byte value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/sbyte/{value}", (sbyte value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/ushort/{value}", (ushort value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/uint/{value}", (uint value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/ulong/{value}", (ulong value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/char/{value}", (char value) => value.ToString())
        .MapGet("/datetime/{value}", (DateTime value) => value.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/datetimeoffset/{value}", (DateTimeOffset value) => value.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/dateonly/{value}", (DateOnly value) => value.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/timeonly/{value}", (TimeOnly value) => value.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/timespan/{value}", (TimeSpan value) => value.ToString("c", System.Globalization.CultureInfo.InvariantCulture))
        .MapGet("/parsable/{value}", (Slug value) => value.ToString())
        .MapGet("/tryparse/{value}", (Coordinates value) => value.ToString());

    private static async Task<string> Send(Testing.PulyaTestClient client, string path, params (string Name, string Value)[] headers)
    {
        if (client.Transport == TestTransport.Kestrel && headers.DistinctBy(h => h.Name).Count() < headers.Length)
        {
            // Over a socket HttpClient folds repeated fields into one line; repeated lines must be written by hand.
            return (await RawHttpClient.SendAsync(client.BaseAddress!, "GET", path, headers)).BodyText;
        }

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

    /// <summary>A type binding through <see cref="IParsable{TSelf}"/>.</summary>
    public sealed record Slug(string Value) : IParsable<Slug>
    {
        public static Slug Parse(string s, IFormatProvider? provider) => TryParse(s, provider, out var slug) ? slug : throw new FormatException();

        public static bool TryParse(string? s, IFormatProvider? provider, out Slug result)
        {
            result = s is { Length: > 0 } && s.All(c => char.IsAsciiLetterLower(c) || c == '-') ? new Slug(s) : null!;
            return result is not null;
        }

        public override string ToString() => "slug:" + Value;
    }

    /// <summary>A type binding through a static TryParse(string, IFormatProvider, out T) only.</summary>
    public readonly record struct Coordinates(int X, int Y)
    {
        public static bool TryParse(string text, IFormatProvider provider, out Coordinates value)
        {
            var parts = text.Split(';');
            value = default;
            if (parts.Length != 2 || !int.TryParse(parts[0], provider, out var x) || !int.TryParse(parts[1], provider, out var y))
            {
                return false;
            }

            value = new Coordinates(x, y);
            return true;
        }

        public override string ToString() => $"({X}, {Y})";
    }

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

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : BindingTests(TestTransport.TestServer, "Compiled");

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : BindingTests(TestTransport.Kestrel, "Compiled");

    public sealed class GeneratedOnKestrel() : BindingTests(TestTransport.Kestrel, "Generated");
}
