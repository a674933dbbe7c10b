using System.Collections.Generic;
using System.Linq;
using System.Text;
using Pulya.Generators.Model;

namespace Pulya.Generators.Emission;

/// <summary>
/// Writes the serialization fast path into <c>PulyaGeneratedJsonResolver</c>: for every described object type a writer
/// that writes its properties straight to the <c>Utf8JsonWriter</c> (names pre-encoded, simple values with one call,
/// other values through the writer of their type), which the <c>SystemTextJson</c> serializer uses when the result is the
/// same as the metadata path's.
/// </summary>
internal static class JsonWriterEmitter
{
    private const string Compiler = "global::Pulya.CompilerServices";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string Condition = "global::System.Text.Json.Serialization.JsonIgnoreCondition";

    /// <summary>The types written with one <c>Utf8JsonWriter</c> call, as System.Text.Json's built-in converters write them, and that call.</summary>
    private static readonly Dictionary<string, string> Simple = new()
    {
        ["bool"] = "WriteBoolean", ["byte"] = "WriteNumber", ["sbyte"] = "WriteNumber", ["short"] = "WriteNumber", ["ushort"] = "WriteNumber",
        ["int"] = "WriteNumber", ["uint"] = "WriteNumber", ["long"] = "WriteNumber", ["ulong"] = "WriteNumber", ["float"] = "WriteNumber",
        ["double"] = "WriteNumber", ["decimal"] = "WriteNumber", ["string"] = "WriteString", ["global::System.Guid"] = "WriteString",
        ["global::System.DateTime"] = "WriteString", ["global::System.DateTimeOffset"] = "WriteString",
    };

    public static void Emit(StringBuilder code, IReadOnlyList<JsonTypeModel> types)
    {
        var byName = types.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.First());
        code.AppendLine();
        code.AppendLine($"        public {Compiler}.GeneratedJsonWriter CreateWriter(global::System.Type type, {Compiler}.GeneratedJsonWriterContext context)");
        code.AppendLine("        {");
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].Kind != JsonTypeKind.Object)
            {
                continue;
            }

            var direct = new List<string> { types[i].Type };
            foreach (var p in types[i].Properties.Where(p => p.HasGetter))
            {
                if (Simple.ContainsKey(p.Type))
                {
                    direct.Add(p.Type);
                }
                else if (p.Type.EndsWith("?", System.StringComparison.Ordinal) && Simple.ContainsKey(p.Type.TrimEnd('?')))
                {
                    direct.Add(p.Type);
                    direct.Add(p.Type.TrimEnd('?'));
                }
            }

            var accepted = string.Join(", ", direct.Distinct().Select(t => $"typeof({t})"));
            code.AppendLine($"            if (type == typeof({types[i].Type})) return context.Accepts({accepted}) ? new Writer{i}(context) : null;");
        }

        code.AppendLine("            return null;");
        code.AppendLine("        }");
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].Kind == JsonTypeKind.Object)
            {
                EmitWriter(code, types[i], i, byName);
            }
        }
    }

    private static void EmitWriter(StringBuilder code, JsonTypeModel type, int index, Dictionary<string, JsonTypeModel> types)
    {
        var t = type.Type;
        var fields = new StringBuilder();
        var setup = new StringBuilder();
        var body = new StringBuilder();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var p = type.Properties[i];
            if (!p.HasGetter)
            {
                // Not written by the metadata path either.
                continue;
            }

            fields.AppendLine($"            private readonly global::System.Text.Json.JsonEncodedText _n{i};");
            fields.AppendLine($"            private readonly {Condition} _c{i};");
            setup.AppendLine($"                _n{i} = context.Name({i});");
            setup.AppendLine($"                _c{i} = context.Condition({(p.IgnoreCondition is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")});");
            body.AppendLine($"                var v{i} = value.{JsonResolverEmitter.Identifier(p.Name)};");
            body.AppendLine($"                if (_c{i} == {Condition}.Never || Keep(v{i}, _c{i}))");
            body.AppendLine("                {");
            var underlying = p.Type.EndsWith("?", System.StringComparison.Ordinal) ? p.Type.Substring(0, p.Type.Length - 1) : null;
            if (Simple.TryGetValue(p.Type, out var call))
            {
                body.AppendLine(p.Type == "string"
                    ? $"                    if (v{i} is null) writer.WriteNull(_n{i}); else writer.WriteString(_n{i}, v{i});"
                    : $"                    writer.{call}(_n{i}, v{i});");
            }
            else if (underlying is not null && Simple.TryGetValue(underlying, out call))
            {
                body.AppendLine($"                    if (v{i}.HasValue) writer.{call}(_n{i}, v{i}.GetValueOrDefault()); else writer.WriteNull(_n{i});");
            }
            else
            {
                var factory = types.TryGetValue(p.Type, out var model) && model.Kind is JsonTypeKind.Array or JsonTypeKind.List
                    ? $"{(model.Kind == JsonTypeKind.Array ? "Array" : "List")}<{model.Argument}>"
                    : $"Value<{p.Type}>";
                var writerType = $"{Compiler}.GeneratedJsonWriter<{p.Type}>";
                fields.AppendLine($"            private readonly {writerType} _w{i};");
                setup.AppendLine($"                _w{i} = context.{factory}();");
                body.AppendLine($"                    writer.WritePropertyName(_n{i});");
                body.AppendLine($"                    _w{i}.Write(writer, v{i});");
            }

            body.AppendLine("                }");
        }

        code.AppendLine();
        code.AppendLine($"        private sealed class Writer{index} : {Compiler}.GeneratedJsonObjectWriter<{t}>");
        code.AppendLine("        {");
        code.Append(fields);
        code.AppendLine();
        code.AppendLine($"            public Writer{index}({Compiler}.GeneratedJsonWriterContext context) : base(context)");
        code.AppendLine("            {");
        code.Append(setup);
        code.AppendLine("            }");
        code.AppendLine();
        code.AppendLine($"            protected override void WriteProperties({Writer} writer, {t} value)");
        code.AppendLine("            {");
        code.Append(body);
        code.AppendLine("            }");
        code.AppendLine("        }");
    }
}
