using Microsoft.CodeAnalysis;

namespace Pulya.Generators.Tests;

/// <summary>The registration of the types validation reads for the bodies of generated endpoints (kept through trimming).</summary>
public sealed class GeneratedValidationTests
{
    private const string Program = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using Pulya;
        using Pulya.Hosting;

        public static class Routes
        {
            public static void Map(PulyaApplication app)
            {
                app.MapPost("/orders", ([Body] Order order) => order.Id);
                app.MapPost("/plain", ([Body] Plain plain) => plain.Name);
                app.MapPost("/hidden", ([Body] Hidden.Secret secret) => 1);
                app.MapPut("/checked", (Checked value) => 1);
                app.MapGet("/items/{id}", ([Range(1, 9)] int id) => id);
            }
        }

        public record Order(int Id, [Required] string? Customer, Line[] Lines, List<Note>? Notes, Address? Address, Status Status, System.DateTime? At, int? Count);
        public record Line([property: Range(1, 10)] int Count, Part? Part);
        public class Note : Base { public static string Kind => "note"; public string this[int i] => ""; }
        public class Base { [StringLength(3)] public string? Text { get; set; } private string? Hidden { get; set; } }
        public struct Address { public string Street { get; set; } }
        public class Part { public string? Name { get; set; } }
        public enum Status { Open }
        public record Plain(string Name, Plain? Next);
        [Same] public record Checked(string A, string B);
        public sealed class SameAttribute : ValidationAttribute { }
        public static class Hidden { private sealed class Inner { [Required] public string? X { get; set; } } public sealed class Secret { internal string? Y { get; set; } public Holder? Holder { get; set; } } public sealed class Holder : IValidatableObject { public IEnumerable<ValidationResult> Validate(ValidationContext c) { yield break; } } }
        """;

    [Fact]
    public void Registers_every_type_a_body_with_rules_reaches_once()
    {
        var (output, _, _) = GeneratorHarness.Run(Program);
        var source = GeneratorHarness.Source(output, "PulyaGeneratedValidatableTypes.g.cs");

        Assert.NotNull(source);
        var registered = System.Text.RegularExpressions.Regex.Matches(source, @"Register\(typeof\((.+?)\)\);").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(
            // Base's public properties are kept with Note's (inherited ones included); the private nested type is not nameable.
            ["global::Address", "global::Checked", "global::Hidden.Holder", "global::Hidden.Secret", "global::Line", "global::Note", "global::Order", "global::Part"],
            registered);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Writes_nothing_without_rules_or_without_interceptors()
    {
        const string plain = """
            using Pulya;
            using Pulya.Hosting;
            public static class Routes { public static void Map(PulyaApplication app) => app.MapPost("/plain", ([Body] Plain plain) => plain.Name); }
            public record Plain(string Name);
            """;

        Assert.Null(GeneratorHarness.Source(GeneratorHarness.Run(plain).Output, "PulyaGeneratedValidatableTypes.g.cs"));
        Assert.Null(GeneratorHarness.Source(GeneratorHarness.Run(Program, interceptors: false).Output, "PulyaGeneratedValidatableTypes.g.cs"));
    }
}
