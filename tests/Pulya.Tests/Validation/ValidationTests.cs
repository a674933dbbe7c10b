using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Testing;

namespace Pulya.Tests.Validation;

/// <summary>
/// Validation of bound arguments end to end, on both transports, both binders (the generator binds these handlers under
/// <c>Generated</c>) and both error shapes: one set of cases, the shape read by <see cref="ReadErrorsAsync"/>.
/// </summary>
public sealed class ValidationTests
{
    public static TheoryData<TestTransport, string, string> Cases()
    {
        var data = new TheoryData<TestTransport, string, string>();
        foreach (var transport in TestTransports.All)
        {
            foreach (var binder in new[] { "Compiled", "Generated" })
            {
                foreach (var shape in new[] { "Pulya", "ProblemDetails" })
                {
                    data.Add(transport, binder, shape);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_body_answers_400_with_every_failing_member_named_as_in_JSON(TestTransport transport, string binder, string shape)
    {
        var calls = 0;
        await using var client = await StartAsync(transport, binder, shape, app => app.MapPost("/items", ([Body] NewItem item) =>
        {
            calls++;
            return item.Name;
        }));

        const string invalid = """
            {"name":null,"quantity":0,"code":"toolong","slug":"A1","address":{"street":null,"postal_code":"12"},
             "lines":[{"sku":"a","count":1},{"sku":null,"count":11}],"extra":[{"sku":null,"count":1}]}
            """;
        using var response = await PostJsonAsync(client, "/items", invalid);
        var errors = await ReadErrorsAsync(response, shape, "/items");

        Assert.Equal(0, calls);
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["name"] = ["The Name field is required."],
                ["quantity"] = ["The field Quantity must be between 1 and 100."],
                ["code"] = ["The field Code must be a string with a maximum length of 5."],
                ["slug"] = ["The field Slug must match the regular expression '^[a-z]+$'."],
                ["address.street"] = ["The Street field is required."],
                ["address.postal_code"] = ["The field Postal code must be a string with a minimum length of 5 and a maximum length of 5."],
                ["lines[1].sku"] = ["The Sku field is required."],
                ["lines[1].count"] = ["The field Count must be between 1 and 10."],
                ["extra[0].sku"] = ["The Sku field is required."],
            },
            errors);

        using var valid = await PostJsonAsync(client, "/items", """{"name":"pen","quantity":3,"code":"P1","slug":"pen","address":{"street":"Main","postal_code":"12345"},"lines":[{"sku":"a","count":1}]}""");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("pen", await valid.Content.ReadAsStringAsync());
        Assert.Equal(1, calls);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_query_and_header_values_are_validated_under_their_bound_names(TestTransport transport, string binder, string shape)
    {
        await using var client = await StartAsync(transport, binder, shape, app => app.MapGet("/users/{id}",
            ([Range(1, 100)] int id, [Query("q"), StringLength(3)] string? search, [Header("X-Tenant"), RegularExpression("^[a-z]+$")] string? tenant) => $"{id} {search} {tenant}"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/users/0?q=abcd");
        request.Headers.Add("X-Tenant", "A");
        using var response = await client.Client.SendAsync(request);
        var errors = await ReadErrorsAsync(response, shape, "/users/0");

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["id"] = ["The field id must be between 1 and 100."],
                ["q"] = ["The field q must be a string with a maximum length of 3."],
                ["X-Tenant"] = ["The field X-Tenant must match the regular expression '^[a-z]+$'."],
            },
            errors);
        Assert.Equal("7 abc ", await client.Client.GetStringAsync("/users/7?q=abc"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IValidatableObject_runs_once_the_members_are_valid_and_reads_request_services(TestTransport transport, string binder, string shape)
    {
        await using var client = await StartAsync(transport, binder, shape, app => app.MapPost("/periods", ([Body] Period period) => period.Label),
            builder => builder.Services.AddSingleton<ReservedLabels>());

        using (var response = await PostJsonAsync(client, "/periods", """{"from":"2026-02-01","to":"2026-01-01","label":null}"""))
        {
            Assert.Equal(new Dictionary<string, string[]> { ["label"] = ["The Label field is required."] }, await ReadErrorsAsync(response, shape, "/periods"));
        }

        using (var response = await PostJsonAsync(client, "/periods", """{"from":"2026-02-01","to":"2026-01-01","label":"admin"}"""))
        {
            Assert.Equal(
                new Dictionary<string, string[]> { ["to"] = ["To must not be before From."], [""] = ["This label is reserved."] },
                await ReadErrorsAsync(response, shape, "/periods"));
        }

        using var valid = await PostJsonAsync(client, "/periods", """{"from":"2026-01-01","to":"2026-02-01","label":"q1"}""");
        Assert.Equal("q1", await valid.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Collections_self_reaching_types_and_class_rules_are_validated(TestTransport transport, string binder, string shape)
    {
        await using var client = await StartAsync(transport, binder, shape, app => app
            .MapPost("/lines", ([Body] List<ItemLine> lines) => lines.Count)
            .MapPost("/array", ([Body] ItemLine[] lines) => lines.Length)
            .MapPost("/tree", ([Body] TreeNode node) => node.Name)
            .MapPost("/pair", ([Body] Pair pair) => pair.First));

        using (var response = await PostJsonAsync(client, "/lines", """[{"sku":"a","count":1},{"sku":"b","count":0}]"""))
        {
            Assert.Equal(new Dictionary<string, string[]> { ["lines[1].count"] = ["The field Count must be between 1 and 10."] }, await ReadErrorsAsync(response, shape, "/lines"));
        }

        using (var response = await PostJsonAsync(client, "/array", """[{"sku":null,"count":1}]"""))
        {
            Assert.Equal(new Dictionary<string, string[]> { ["lines[0].sku"] = ["The Sku field is required."] }, await ReadErrorsAsync(response, shape, "/array"));
        }

        using (var response = await PostJsonAsync(client, "/tree", """{"name":"a","next":{"name":"b","next":{"name":null}}}"""))
        {
            Assert.Equal(new Dictionary<string, string[]> { ["next.next.name"] = ["The Name field is required."] }, await ReadErrorsAsync(response, shape, "/tree"));
        }

        using (var response = await PostJsonAsync(client, "/pair", """{"first":"x","second":"x"}"""))
        {
            // A class-level rule names the object: the body parameter.
            Assert.Equal(new Dictionary<string, string[]> { ["pair"] = ["First and Second must differ."] }, await ReadErrorsAsync(response, shape, "/pair"));
        }

        using var valid = await PostJsonAsync(client, "/pair", """{"first":"x","second":"y"}""");
        Assert.Equal("x", await valid.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_form_model_is_validated(TestTransport transport, string binder, string shape)
    {
        await using var client = await StartAsync(transport, binder, shape, app => app.MapPost("/signup", ([Form] SignUp form) => form.Name));

        using var response = await client.Client.PostAsync("/signup", new FormUrlEncodedContent([new("age", "12")]));
        var errors = await ReadErrorsAsync(response, shape, "/signup");

        Assert.Equal(
            new Dictionary<string, string[]> { ["name"] = ["The Name field is required."], ["age"] = ["The field Age must be between 18 and 130."] },
            errors);
        using var valid = await client.Client.PostAsync("/signup", new FormUrlEncodedContent([new("name", "ann"), new("age", "30")]));
        Assert.Equal("ann", await valid.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validation_runs_before_endpoint_filters_and_its_answer_reaches_middleware(TestTransport transport, string binder, string shape)
    {
        var filtered = 0;
        int? seenByMiddleware = null;
        await using var client = await StartAsync(transport, binder, shape, app =>
        {
            app.Use(async (request, next) =>
            {
                var result = await next(request);
                seenByMiddleware = Response.From(result).StatusCode;
                return result;
            });
            app.MapPost("/items", ([Body] NewItem item) => item.Name).AddEndpointFilter(async (context, next) =>
            {
                filtered++;
                return await next(context);
            });
        });

        using var response = await PostJsonAsync(client, "/items", """{"name":null,"quantity":1}""");

        Assert.Equal(new Dictionary<string, string[]> { ["name"] = ["The Name field is required."] }, await ReadErrorsAsync(response, shape, "/items"));
        Assert.Equal(0, filtered);
        Assert.Equal(400, seenByMiddleware);
        using var valid = await PostJsonAsync(client, "/items", """{"name":"pen","quantity":1}""");
        Assert.Equal("pen", await valid.Content.ReadAsStringAsync());
        Assert.Equal(1, filtered);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Without_AddValidation_nothing_is_validated(TestTransport transport)
    {
        await using var client = await TestApp.StartAsync(transport, app => app.MapPost("/items", ([Body] NewItem item) => item.Quantity));

        using var response = await PostJsonAsync(client, "/items", """{"name":null,"quantity":0}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", await response.Content.ReadAsStringAsync());
    }

    private static Task<PulyaTestClient> StartAsync(TestTransport transport, string binder, string shape, Action<PulyaApplication> map, Action<PulyaApplicationBuilder>? configure = null) =>
        TestApp.StartAsync(transport, map, builder =>
        {
            builder.Pulya.AddValidation();
            configure?.Invoke(builder);
        }, $"--Pulya:Binder={binder}", $"--Pulya:Errors={shape}");

    private static Task<HttpResponseMessage> PostJsonAsync(PulyaTestClient client, string path, string json) =>
        client.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>The 400's members and messages, after checking the rest of the shape.</summary>
    private static async Task<Dictionary<string, string[]>> ReadErrorsAsync(HttpResponseMessage response, string shape, string path)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        if (shape == "Pulya")
        {
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal(["error", "errors"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("One or more validation errors occurred.", root.GetProperty("error").GetString());
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.ToString());
            var members = root.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(["type", "title", "status", "errors", "instance"], members.Take(5));
            Assert.True(members.Count == 5 || (members.Count == 6 && members[5] == "traceId" && root.GetProperty("traceId").GetString()!.Length > 0));
            Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", root.GetProperty("type").GetString());
            Assert.Equal("One or more validation errors occurred.", root.GetProperty("title").GetString());
            Assert.Equal(400, root.GetProperty("status").GetInt32());
            Assert.Equal(path, root.GetProperty("instance").GetString());
        }

        return root.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }
}
