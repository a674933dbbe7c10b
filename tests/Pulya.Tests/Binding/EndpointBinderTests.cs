using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Binding;
using Pulya.DependencyInjection;
using Pulya.Http;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Binding;

public sealed class EndpointBinderTests
{
    [Fact]
    public async Task An_unknown_binder_fails_at_start_listing_the_registered_ones()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(app => app.MapGet("/", () => "x"), null, "--Pulya:Binder=Nope"));

        Assert.Contains("Pulya:Binder: 'Nope' is not registered. Registered: Compiled, Generated.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_binder_is_selected_by_name_and_rebinds_through_bound_arguments()
    {
        await using var client = await StartAsync(
            app => app
                .MapGet("/sync/{name}", (string name, int times) => string.Concat(Enumerable.Repeat(name, times)))
                .MapGet("/task/{name}", async (string name, PulyaRequest request) =>
                {
                    await Task.Yield();
                    return name + request.Path;
                })
                .MapPost("/body", ([Body] BindingTests.Point point) => point.X + point.Y)
                .MapDelete("/none/{name}", (string name) => { }),
            builder => builder.Pulya.AddBinder<UpperCaseBinder>("UpperCase").AddBinder<UpperCaseBinder>("UpperCase"),
            "--Pulya:Binder=UpperCase");

        Assert.Equal("ABAB", await client.Client.GetStringAsync(Path("/sync/ab?times=2")));
        Assert.Equal("X/task/x", await client.Client.GetStringAsync(Path("/task/x")));
        using var body = await client.Client.PostAsync(Path("/body"), new StringContent("{\"x\":1,\"y\":2}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal("3", await body.Content.ReadAsStringAsync());
        using var none = await client.Client.DeleteAsync(Path("/none/a"));
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);

        using var invalid = await client.Client.GetAsync(Path("/sync/ab?times=x"));
        Assert.Equal("{\"error\":\"The query parameter 'times' is not a valid 32-bit integer.\"}", await invalid.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Arguments_of_the_wrong_type_are_a_500()
    {
        await using var client = await StartAsync(
            app => app.MapGet("/n/{id}", (int id) => id),
            builder => builder.Pulya.AddBinder<UpperCaseBinder>("UpperCase"),
            "--Pulya:Binder=UpperCase");

        using var response = await client.Client.GetAsync(Path("/n/5?wrong=true"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Theory]
    [InlineData("Compiled", "handler")]
    [InlineData(null, "generated")]
    [InlineData("PreferGenerated", "generated")]
    public async Task A_generated_binding_is_used_only_by_a_binder_that_asks_for_it(string? binder, string expected)
    {
        var generated = new EndpointBinding(null, false, typeof(string), _ => new ValueTask<object?>("generated"), _ => [], (_, _) => new ValueTask<object?>("generated"));
        await using var client = await StartAsync(
            app => app.Map("GET", "/g", () => "handler", generated),
            builder => builder.Pulya.AddBinder<PreferGeneratedBinder>("PreferGenerated"),
            binder is null ? [] : [$"--Pulya:Binder={binder}"]);

        Assert.Equal(expected, await client.Client.GetStringAsync(Path("/g")));
    }

    [Fact]
    public void Definitions_and_bindings_refuse_missing_parts()
    {
        var template = Pulya.Routing.RouteTemplate.Parse("/");
        Func<PulyaRequest, ValueTask<object?>> invoke = _ => default;

        Assert.Throws<ArgumentNullException>(() => { _ = new EndpointDefinition("GET", template, null!); });
        Assert.Throws<ArgumentException>(() => { _ = new EndpointDefinition("", template, invoke); });
        Assert.Throws<ArgumentNullException>(() => { _ = new EndpointBinding(null, true, typeof(void), invoke, null!, (_, _) => default); });
        Assert.False(new EndpointBinding(null, true, typeof(void), invoke, _ => [], (_, _) => default).BodyRequired);
        Assert.Throws<ArgumentNullException>(() => BindingPulyaBuilderExtensions.AddBinder<PreferGeneratedBinder>(null!, "x"));
    }

    /// <summary>Binds with the compiled binder, then, like a filter would, upper-cases string arguments (and, when asked, breaks an argument's type).</summary>
    private sealed class UpperCaseBinder([FromKeyedServices("Compiled")] IEndpointBinder compiled) : IEndpointBinder
    {
        public EndpointBinding Bind(EndpointDefinition endpoint)
        {
            var inner = compiled.Bind(endpoint);
            return new EndpointBinding(inner.BodyType, inner.BodyRequired, inner.ResultType, request =>
            {
                var arguments = inner.BindArguments(request);
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = request.GetQuery("wrong").Count > 0 ? "not the parameter's type" : arguments[i] is string s ? s.ToUpperInvariant() : arguments[i];
                }

                return inner.InvokeWithArguments(request, arguments);
            }, inner.BindArguments, inner.InvokeWithArguments);
        }
    }

    private sealed class PreferGeneratedBinder([FromKeyedServices("Compiled")] IEndpointBinder compiled) : IEndpointBinder
    {
        public EndpointBinding Bind(EndpointDefinition endpoint) => endpoint.Generated ?? compiled.Bind(endpoint);
    }
}
