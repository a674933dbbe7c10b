using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Testing;

namespace Pulya.Routing.Trie.Tests;

/// <summary><c>AddTrieRouter()</c> registers the router and <c>Pulya:Router=Trie</c> selects it, end to end.</summary>
public sealed class TrieRouterRegistrationTests
{
    [Fact]
    public void AddTrieRouter_refuses_null()
    {
        Assert.Throws<ArgumentNullException>(() => TriePulyaBuilderExtensions.AddTrieRouter(null!));
    }

    [Fact]
    public async Task Selected_by_configuration_it_routes_requests_end_to_end()
    {
        await using var client = await PulyaTestClient.StartAsync(
            app =>
            {
                app.MapGet("/users/{id:int}", (int id) => new { id, kind = "int" });
                app.MapGet("/users/{name}", (string name) => new { name });
                app.MapGet("/users/me", () => new { me = true });
                app.MapPost("/users/{name}", (string name) => new { created = name });
            },
            builder => builder.Pulya.AddTrieRouter().AddTrieRouter(),
            "--Pulya:Router=Trie");

        Assert.Same(typeof(TrieRouterFactory).Assembly, client.Application.Services.GetRequiredKeyedService<IRouterFactory>("Trie").GetType().Assembly);
        Assert.Equal("{\"id\":42,\"kind\":\"int\"}", await client.Client.GetStringAsync(new Uri("/users/42", UriKind.Relative)));
        Assert.Equal("{\"name\":\"bob\"}", await client.Client.GetStringAsync(new Uri("/users/bob", UriKind.Relative)));
        Assert.Equal("{\"me\":true}", await client.Client.GetStringAsync(new Uri("/users/me", UriKind.Relative)));
        using var notFound = await client.Client.GetAsync(new Uri("/nothing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        using var put = await client.Client.PutAsync(new Uri("/users/bob", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal("GET, HEAD, POST", string.Join(", ", put.Content.Headers.Allow));
    }

    [Fact]
    public async Task Conflicting_routes_stop_the_start_naming_both_templates()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => PulyaTestClient.StartAsync(
            app =>
            {
                app.MapGet("/users/{id}", (string id) => id);
                app.MapGet("/users/{name}", (string name) => name);
            },
            builder => builder.Pulya.AddTrieRouter(),
            "--Pulya:Router=Trie"));

        var conflict = error as RouteConflictException ?? Assert.IsType<RouteConflictException>(error.InnerException);
        Assert.Contains("/users/{id}", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("/users/{name}", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_head_route_with_other_parameter_names_does_not_conflict_with_the_get()
    {
        await using var client = await PulyaTestClient.StartAsync(
            app =>
            {
                app.MapGet("/x/{a}", (string a) => "get " + a);
                app.Map("HEAD", "/x/{b}", (string b) => Pulya.Http.Response.Text("head " + b));
            },
            builder => builder.Pulya.AddTrieRouter(),
            "--Pulya:Router=Trie");

        using var head = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/x/1"));
        using var get = await client.Client.GetAsync(new Uri("/x/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}
