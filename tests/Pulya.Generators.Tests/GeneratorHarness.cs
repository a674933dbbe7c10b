using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pulya.Hosting;

namespace Pulya.Generators.Tests;

/// <summary>Compiles a small program with the endpoint generator, as a project referencing Pulya and the generator would.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References = [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        .Append(typeof(PulyaApplication).Assembly.Location)
        .Append(typeof(Pulya.Http.PulyaRequest).Assembly.Location)
        .Distinct(StringComparer.Ordinal)
        .Where(path => !Path.GetFileName(path).StartsWith("Pulya.OpenApi", StringComparison.Ordinal))
        .Select(path => MetadataReference.CreateFromFile(path))];

    /// <summary>A program that also references Pulya.OpenApi (the generator then describes its handlers for the document).</summary>
    private static readonly ImmutableArray<MetadataReference> OpenApiReferences = References.Add(MetadataReference.CreateFromFile(typeof(Pulya.OpenApi.PulyaOpenApiOptions).Assembly.Location));

    public static CSharpParseOptions ParseOptions(bool interceptors = true) =>
        new CSharpParseOptions(LanguageVersion.Latest).WithFeatures(interceptors ? [new("InterceptorsNamespaces", "Other;Pulya.Generated")] : []);

    public static CSharpCompilation Compilation(string source, bool interceptors = true, bool openApi = false) =>
        CSharpCompilation.Create(
            "Program" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, ParseOptions(interceptors), path: "Program.cs")],
            openApi ? OpenApiReferences : References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static GeneratorDriver Driver(CSharpParseOptions options, bool publishAot = false) =>
        CSharpGeneratorDriver.Create([new EndpointGenerator().AsSourceGenerator()], parseOptions: options,
            optionsProvider: new BuildProperties(publishAot ? new() { ["build_property.PublishAot"] = "true" } : []),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the compilation with its output and the generator's diagnostics.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, string? Generated) Run(string source, bool interceptors = true, bool publishAot = false, bool openApi = false)
    {
        var compilation = Compilation(source, interceptors, openApi);
        Driver(ParseOptions(interceptors), publishAot).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics, Source(output, "PulyaGeneratedEndpoints.g.cs"));
    }

    /// <summary>The generated file named <paramref name="name"/>, or null when the generator wrote none.</summary>
    public static string? Source(Compilation output, string name) =>
        output.SyntaxTrees.Skip(1).Where(t => t.FilePath.EndsWith(name, StringComparison.Ordinal)).Select(t => t.ToString()).SingleOrDefault();

    /// <summary>Compiles <paramref name="source"/> with the generator and loads it; errors fail the test with the compiler's messages.</summary>
    public static Assembly Load(string source, bool openApi = false)
    {
        var (output, _, _) = Run(source, openApi: openApi);
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        // Pulya's own assemblies resolve from the test's context, so the program and the tests share its types.
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(image);
    }

    /// <summary>The MSBuild properties a project makes visible to the compiler (<c>CompilerVisibleProperty</c>).</summary>
    private sealed class BuildProperties(Dictionary<string, string> properties) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options(Dictionary<string, string> properties) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => properties.TryGetValue(key, out value);
        }
    }
}
