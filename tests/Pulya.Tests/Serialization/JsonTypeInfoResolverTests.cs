using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Pulya.DependencyInjection;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Serialization;

public sealed class JsonTypeInfoResolverTests
{
    [Fact]
    public async Task Registered_resolvers_describe_types_before_reflection()
    {
        // A resolver that renames one property: its metadata, not reflection's, must shape the body read and the result written.
        var renaming = new DefaultJsonTypeInfoResolver { Modifiers = { info => Rename(info, "label") } };
        await using var client = await StartAsync(
            app => app.MapPost("/echo", ([Body] Tagged value) => value),
            builder => builder.Pulya.AddJsonTypeInfoResolver(renaming));

        using var response = await client.Client.PostAsync(Path("/echo"), new StringContent("{\"label\":\"a\"}", Encoding.UTF8, "application/json"));

        Assert.Equal("{\"label\":\"a\"}", await response.Content.ReadAsStringAsync());
        Assert.Throws<ArgumentNullException>(() => JsonPulyaBuilderExtensions.AddJsonTypeInfoResolver(null!, renaming));
    }

    private static void Rename(JsonTypeInfo info, string name)
    {
        if (info.Type == typeof(Tagged))
        {
            info.Properties[0].Name = name;
        }
    }

    public sealed record Tagged(string Name);
}
