using Pulya.Binding;

namespace Pulya.Tests.Binding;

/// <summary>
/// The binding suite against the <c>Generated</c> binder: this test project runs the source generator, so the suite's
/// handlers are bound by generated code (the few it cannot analyse fall back to the compiled binder).
/// </summary>
public sealed class GeneratedBindingTests() : BindingTests(Testing.TestTransport.TestServer, "Generated")
{
    [Fact]
    public async Task Analysable_handlers_use_generated_bindings_and_others_the_compiled_binder()
    {
        Delegate opaque = (int id) => id;
        await using var client = await StartAsync(app => app
            .MapGet("/generated/{id}", (int id) => id)
            .Map("PUT", "/generated/{id}", (int id) => id)
            .MapGet("/compiled/{id}", opaque)
            .MapPost("/compiled/{id}", opaque)
            .MapPut("/compiled/{id}", opaque)
            .MapDelete("/compiled/{id}", opaque)
            .MapPatch("/compiled/{id}", opaque));

        var bindings = client.Application.Router!.Table.Routes.Where(r => r.Method != "HEAD")
            .ToDictionary(r => r.ToString(), r => IsGenerated((EndpointBinding)r.Endpoint!));

        Assert.True(bindings["GET /generated/{id}"]);
        Assert.True(bindings["PUT /generated/{id}"]);
        Assert.All(new[] { "GET", "POST", "PUT", "DELETE", "PATCH" }, method => Assert.False(bindings[method + " /compiled/{id}"]));
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var response = await client.Client.SendAsync(new HttpRequestMessage(method, "/compiled/7"));
            Assert.Equal("7", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_compiled_binder_ignores_generated_bindings()
    {
        await using var client = await TestApp.StartAsync(app => app.MapGet("/generated/{id}", (int id) => id), null, "--Pulya:Binder=Compiled");

        var route = client.Application.Router!.Table.Routes[0];

        Assert.False(IsGenerated((EndpointBinding)route.Endpoint!));
    }

    private static bool IsGenerated(EndpointBinding binding) =>
        binding.Invoke.Method.DeclaringType?.FullName?.StartsWith("Pulya.Generated.", StringComparison.Ordinal) == true;
}
