using Microsoft.CodeAnalysis;

namespace Pulya.Generators.Tests;

/// <summary>
/// Generated code carries the generated-code contract version its generator was built against, in every registration it
/// makes; the generator's version is the core's (they are bumped together), and the stamped code compiles against it.
/// </summary>
public sealed class ContractVersionTests
{
    private const string Program = """
        using Pulya.Hosting;

        public sealed record Item(int Id, string Name);

        public static class Endpoints
        {
            public static void Map(PulyaApplication app) => app.MapGet("/items/{id}", (int id) => new Item(id, "x"));
        }
        """;

    [Fact]
    public void The_generator_is_built_for_the_contract_version_of_this_Pulya() =>
        Assert.Equal(Pulya.CompilerServices.GeneratedCodeContract.Version, GeneratedCodeContract.Version);

    [Fact]
    public void Endpoint_and_JSON_registrations_are_stamped_with_the_contract_version()
    {
        var (output, _, endpoints) = GeneratorHarness.Run(Program);
        var json = GeneratorHarness.Source(output, "PulyaGeneratedJsonResolver.g.cs");

        Assert.Contains($"global::Pulya.CompilerServices.GeneratedEndpoints.Map(app, \"GET\", template, handler, binding, {GeneratedCodeContract.Version});", endpoints, StringComparison.Ordinal);
        Assert.Contains($"global::Pulya.CompilerServices.GeneratedJsonMetadata.Register(Instance, {GeneratedCodeContract.Version});", json, StringComparison.Ordinal);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }
}
