using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Pulya.Generators.Tests;

/// <summary>The generator is incremental: an edit that does not touch a map call re-runs none of its output steps.</summary>
public sealed class IncrementalityTests
{
    private const string Program = """
        using Pulya.Hosting;

        public static class Endpoints
        {
            public static void Map(PulyaApplication app) => app.MapGet("/{id}", (int id) => id).MapGet("/opaque", (System.Delegate)null!);
        }
        """;

    [Fact]
    public void An_unrelated_edit_leaves_every_output_step_cached()
    {
        var options = GeneratorHarness.ParseOptions();
        var compilation = GeneratorHarness.Compilation(Program);
        var driver = GeneratorHarness.Driver(options).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public sealed class Unrelated { public int Value => 42; }", options, path: "Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var calls = result.TrackedSteps[EndpointGenerator.CallsStep].SelectMany(step => step.Outputs).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_a_handler_regenerates_the_source()
    {
        var options = GeneratorHarness.ParseOptions();
        var compilation = GeneratorHarness.Compilation(Program);
        var driver = GeneratorHarness.Driver(options).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();

        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Program.Replace("(int id) => id", "(long id) => id", StringComparison.Ordinal))));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("global::Pulya.CompilerServices.ParameterBinders.Route<long>", result.GeneratedSources.Single(s => s.HintName == "PulyaGeneratedEndpoints.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
