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

        var reported = diagnostics.Select(d => (d.Id, d.Severity, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToList();

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
                (43, "parameter 'value' (T) cannot be named in generated code"),
            ],
            reported.Select(d => (d.Line, d.Message[(d.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..])).OrderBy(d => d.Line));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Single(output.SyntaxTrees);
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
