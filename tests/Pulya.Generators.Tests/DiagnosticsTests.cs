using Microsoft.CodeAnalysis;

namespace Pulya.Generators.Tests;

/// <summary>Calls the generator cannot bind are reported (PULYA001, info) with the reason, and keep the runtime binder.</summary>
public sealed class DiagnosticsTests
{
    private const string Program = """
        using System;
        using System.Collections.Generic;
        using Pulya;
        using Pulya.Binding;
        using Pulya.Hosting;

        namespace Sample;

        public sealed record Point(int X, int Y);

        public sealed class Other
        {
            public Other MapGet(string template, Delegate handler) => this;
        }

        public static class Endpoints
        {
            private static int _field;

            public static void Map(PulyaApplication app, Delegate handler, string template, EndpointBinding binding)
            {
                app.MapGet("/opaque", handler);
                app.MapGet(template, () => 1);
                app.MapGet("/hidden", (Hidden h) => 1);
                app.MapGet("/list", (List<Hidden> h) => 1);
                app.MapGet("/array", (Hidden[] h) => 1);
                app.MapGet("/anonymous", () => new { a = 1 });
                app.MapGet("/ref", (ref int x) => 1);
                app.MapGet("/span", (Span<int> x) => 1);
                app.MapGet("/generic", Generic<int>);
                app.MapGet("/extension", "s".Extension);
                app.MapGet("/byref", ByRef);
                app.MapGet("/route/{p}", (Point p) => 1);
                app.MapGet("/query", ([Query] Point p) => 1);
                app.MapGet("/header", ([Header("X-P")] Point p) => 1);
                app.MapPost("/bodies", ([Body] Point a, [Body] Point b) => 1);
                app.Map("GET", "/bound", () => 1, binding);
                new Other().MapGet("/other", () => 1);
                app.MapPost("/stream", (System.IO.Stream body) => 1);
                app.MapGet("/sequence", () => Sequence());
                app.MapGet("/later", async () => { await System.Threading.Tasks.Task.Yield(); return Sequence(); });
            }

            public static void Map<T>(PulyaApplication app) => app.MapGet("/t", (T value) => 1);

            private static int Generic<T>() => 1;

            private static async IAsyncEnumerable<int> Sequence()
            {
                yield return 1;
                await System.Threading.Tasks.Task.Yield();
            }

            private static ref int ByRef() => ref _field;

            private static int Extension(this string text) => 1;

            private sealed class Hidden;
        }
        """;

    [Fact]
    public void Calls_the_generator_cannot_bind_are_reported_with_the_reason()
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(Program);

        var anonymous = Assert.Single(diagnostics, d => d.Id == "PULYA003");
        Assert.Equal(27, anonymous.Location.GetLineSpan().StartLinePosition.Line + 1);
        var reported = diagnostics.Where(d => d.Id != "PULYA003").Select(d => (d.Id, d.Severity, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.All(reported, d => Assert.Equal(("PULYA001", DiagnosticSeverity.Info), (d.Id, d.Severity)));
        Assert.Equal(
            [
                (22, "the handler is not a lambda or a method group, so its parameters are only known at run time"),
                (23, "the route template is not a constant"),
                (24, "parameter 'h' (Sample.Endpoints.Hidden) is not accessible from generated code"),
                (25, "parameter 'h' (Sample.Endpoints.Hidden) is not accessible from generated code"),
                (26, "parameter 'h' (Sample.Endpoints.Hidden) is not accessible from generated code"),
                (27, "the handler's return type is an anonymous type"),
                (28, "parameter 'x' is passed by reference"),
                (29, "parameter 'x' (System.Span<int>) is a ref struct"),
                (30, "the handler is a generic or extension method"),
                (31, "the handler is a generic or extension method"),
                (32, "the handler's return type is returned by reference"),
                (33, "parameter 'p' has a type (Sample.Point) the generator cannot convert from a route value"),
                (34, "parameter 'p' has a type (Sample.Point) the generator cannot convert from a query value"),
                (35, "parameter 'p' has a type (Sample.Point) the generator cannot convert from a header value"),
                (36, "more than one parameter binds the request body"),
                (39, "parameter 'body' binds a body stream, a form or a cookie, which the generator leaves to the runtime binder"),
                (40, "the handler's return type is an asynchronous sequence, which the generator leaves to the runtime binder"),
                (41, "the handler's return type is an asynchronous sequence, which the generator leaves to the runtime binder"),
                (44, "parameter 'value' (T) cannot be named in generated code"),
            ],
            reported.Select(d => (d.Line, d.Message[(d.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..])).OrderBy(d => d.Line));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Single(output.SyntaxTrees);
    }

    private const string JsonProgram = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Pulya;
        using Pulya.Hosting;

        namespace Sample;

        public interface IShape;

        public abstract class Animal { public int Legs { get; set; } }

        public sealed class NoConstructor { public NoConstructor(int a) { } public NoConstructor(string b) { } }

        [JsonConverter(typeof(JsonStringEnumConverter))]
        public enum Tagged { A }

        public sealed class Extended { [JsonExtensionData] public Dictionary<string, object>? Extra { get; set; } }

        public sealed class Holder { public int[,] Grid { get; set; } = new int[1, 1]; public IShape? Shape { get; set; } public System.Exception? Error { get; set; } }

        public sealed class Generic<T> { public T? Value { get; set; } }

        public sealed class Envelope<T> { public T? Data { get; init; } }

        public sealed class SpanCtor { public SpanCtor(System.Span<int> s) { } public int X { get; set; } }

        public sealed unsafe class Raw { public int* Pointer => null; }

        public sealed class Spanned { public System.Span<int> Span => default; }

        public sealed record Fine(int X, Tagged T);

        public static class Endpoints
        {
            public static void Map(PulyaApplication app)
            {
                app.MapGet("/anonymous", () => Task.FromResult(new { a = 1 }));
                app.MapPost("/animal", ([Body] Animal a) => 1);
                app.MapPost("/ctor", ([Body] NoConstructor n) => 1);
                app.MapGet("/fine", () => new Fine(1, Tagged.A));
                app.MapPost("/extended", ([Body] Extended e) => 1);
                app.MapGet("/holder", () => new Holder());
                app.MapGet("/shape", () => (IShape)null!);
                app.MapPost("/service-or-body", (Animal maybeService) => 1);
                app.MapGet("/raw", () => new Spanned());
                app.MapGet("/generic", () => new Generic<Fine>());
                app.MapGet("/raws", () => new List<Raw[]>());
                app.MapGet("/spanctor", () => new SpanCtor(default));
                app.MapGet("/envelope", () => new Envelope<int>());
            }

            public static void Map<T>(PulyaApplication app) => app.MapGet("/generic", () => new Generic<T>());
        }
        """;

    [Fact]
    public void Json_types_the_generator_cannot_describe_are_reported_with_the_reason()
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(JsonProgram);

        var json = diagnostics.Where(d => d.Id is "PULYA003" or "PULYA004")
            .Select(d => (d.Id, d.Severity, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(d => d.Line).ThenBy(d => d.Message, StringComparer.Ordinal).ToList();

        Assert.All(json, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Equal(
            [
                ("PULYA003", 38, "The result type <anonymous type: int a> of this endpoint is anonymous"),
                ("PULYA004", 39, "No JSON metadata is generated for Sample.Animal because it is an interface or an abstract type"),
                ("PULYA004", 40, "No JSON metadata is generated for Sample.NoConstructor because it has no public parameterless constructor, no single public constructor and no public [JsonConstructor]"),
                ("PULYA004", 41, "No JSON metadata is generated for Sample.Tagged because it has [JsonConverter], which the generator leaves to reflection"),
                ("PULYA004", 42, "No JSON metadata is generated for Sample.Extended because its property Extra has [JsonExtensionData], which the generator leaves to reflection"),
                ("PULYA004", 43, "No JSON metadata is generated for Sample.IShape because it is an interface or an abstract type"),
                ("PULYA004", 43, "No JSON metadata is generated for System.Exception because it is a framework type the generator does not describe"),
                ("PULYA004", 43, "No JSON metadata is generated for int[*,*] because it is a multi-dimensional array"),
                ("PULYA004", 46, "No JSON metadata is generated for Sample.Spanned because its property Span is a ref struct"),
                ("PULYA004", 47, "No JSON metadata is generated for Sample.Tagged because it has [JsonConverter], which the generator leaves to reflection"),
                ("PULYA004", 48, "No JSON metadata is generated for Sample.Raw because its property Pointer is a pointer or cannot be named in generated code"),
                ("PULYA004", 49, "No JSON metadata is generated for Sample.SpanCtor because its constructor parameter s is a ref struct"),
                ("PULYA004", 50, "No JSON metadata is generated for Sample.Envelope<int> because its property Data is init-only in a generic type, which generated code cannot set"),
            ],
            json.Select(d => (d.Id, d.Line, d.Message[..d.Message.IndexOf(d.Id == "PULYA003" ? " anonymous," : ":", StringComparison.Ordinal)] + (d.Id == "PULYA003" ? " anonymous" : string.Empty))));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var resolver = GeneratorHarness.Source(output, "PulyaGeneratedJsonResolver.g.cs")!;
        Assert.Contains("typeof(global::Sample.Fine)", resolver, StringComparison.Ordinal);
        Assert.DoesNotContain("if (type == typeof(global::Sample.Tagged))", resolver, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_PublishAot_json_types_left_to_reflection_are_warnings()
    {
        var (_, diagnostics, _) = GeneratorHarness.Run(JsonProgram, publishAot: true);

        Assert.All(diagnostics.Where(d => d.Id is "PULYA003" or "PULYA004"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains(diagnostics, d => d.Id == "PULYA003");
        Assert.All(diagnostics.Where(d => d.Id is "PULYA001"), d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }

    [Fact]
    public void Without_interceptors_enabled_nothing_is_generated_and_the_project_is_told_how_to_enable_them()
    {
        const string program = """
            using Pulya.Hosting;

            public static class Endpoints
            {
                public static void Map(PulyaApplication app) => app.MapGet("/", () => 1);
            }
            """;

        var (output, diagnostics, generated) = GeneratorHarness.Run(program, interceptors: false);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PULYA002", diagnostic.Id);
        Assert.Contains("<InterceptorsNamespaces>$(InterceptorsNamespaces);Pulya.Generated</InterceptorsNamespaces>", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Null(generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_program_without_map_calls_gets_no_source_and_no_diagnostic()
    {
        var (_, diagnostics, generated) = GeneratorHarness.Run("public static class Empty { public static void MapGet() { } public static void Run() => MapGet(); }");

        Assert.Empty(diagnostics);
        Assert.Null(generated);
    }
}
