using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;
using Pulya.OpenApi.Generated;
using Pulya.Routing;

namespace Pulya.OpenApi.Schemas;

/// <summary>
/// Describes .NET types as OpenAPI 3.1 schemas from System.Text.Json's own contract (<see cref="JsonTypeInfo"/>, so the
/// naming policy, ignored members, required members and nullable annotations are the serializer's): simple types inline
/// with their formats, classes and records once in <c>components/schemas</c> and referenced elsewhere.
/// </summary>
internal sealed class SchemaGenerator(JsonSerializerOptions options, OpenApiDocument document)
{
    private static readonly Dictionary<Type, (JsonSchemaType Type, string? Format)> Simple = new()
    {
        [typeof(string)] = (JsonSchemaType.String, null),
        [typeof(char)] = (JsonSchemaType.String, "char"),
        [typeof(bool)] = (JsonSchemaType.Boolean, null),
        [typeof(byte)] = (JsonSchemaType.Integer, "uint8"),
        [typeof(sbyte)] = (JsonSchemaType.Integer, "int8"),
        [typeof(short)] = (JsonSchemaType.Integer, "int16"),
        [typeof(ushort)] = (JsonSchemaType.Integer, "uint16"),
        [typeof(int)] = (JsonSchemaType.Integer, "int32"),
        [typeof(uint)] = (JsonSchemaType.Integer, "uint32"),
        [typeof(long)] = (JsonSchemaType.Integer, "int64"),
        [typeof(ulong)] = (JsonSchemaType.Integer, "uint64"),
        [typeof(float)] = (JsonSchemaType.Number, "float"),
        [typeof(double)] = (JsonSchemaType.Number, "double"),
        [typeof(decimal)] = (JsonSchemaType.Number, "double"),
        [typeof(DateTime)] = (JsonSchemaType.String, "date-time"),
        [typeof(DateTimeOffset)] = (JsonSchemaType.String, "date-time"),
        [typeof(DateOnly)] = (JsonSchemaType.String, "date"),
        [typeof(TimeOnly)] = (JsonSchemaType.String, "time"),
        [typeof(TimeSpan)] = (JsonSchemaType.String, "date-span"),
        [typeof(Guid)] = (JsonSchemaType.String, "uuid"),
        [typeof(Uri)] = (JsonSchemaType.String, "uri"),
        [typeof(byte[])] = (JsonSchemaType.String, "byte"),
        [typeof(ReadOnlyMemory<byte>)] = (JsonSchemaType.String, "byte"),
        [typeof(JsonElement)] = (default, null),
        [typeof(JsonNode)] = (default, null),
        [typeof(object)] = (default, null),
    };

    private readonly Dictionary<Type, string> _names = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly NullabilityInfoContext _nullability = new();

    /// <summary>
    /// The schema of a value read from text (route, query, header, cookie and form values): its JSON type and format, an
    /// enum's names, an array of strings for <c>string[]</c>/<c>StringValues</c>, a string for any other parsable type.
    /// </summary>
    public IOpenApiSchema ForText(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string[]) || type == typeof(Microsoft.Extensions.Primitives.StringValues)
            ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }
            : type.IsEnum ? For(type)
            : SimpleSchema(type) ?? new OpenApiSchema { Type = JsonSchemaType.String };
    }

    /// <summary>The schema of a route parameter no handler parameter binds: from its constraint.</summary>
    public static OpenApiSchema ForConstraint(RouteConstraint constraint)
    {
        // The type among the parameter's constraints (int:min(1) is an int32); value and text rules keep it a string.
        foreach (var rule in constraint.Text.Split(':'))
        {
            if (ConstraintTypes.TryGetValue(rule, out var type))
            {
                return new OpenApiSchema { Type = type.Type, Format = type.Format };
            }
        }

        return new OpenApiSchema { Type = JsonSchemaType.String };
    }

    /// <summary>The schema type and format of each type constraint.</summary>
    private static readonly Dictionary<string, (JsonSchemaType Type, string? Format)> ConstraintTypes = new(StringComparer.Ordinal)
    {
        ["int"] = (JsonSchemaType.Integer, "int32"),
        ["long"] = (JsonSchemaType.Integer, "int64"),
        ["guid"] = (JsonSchemaType.String, "uuid"),
        ["bool"] = (JsonSchemaType.Boolean, null),
        ["decimal"] = (JsonSchemaType.Number, "decimal"),
        ["double"] = (JsonSchemaType.Number, "double"),
        ["float"] = (JsonSchemaType.Number, "float"),
        ["datetime"] = (JsonSchemaType.String, "date-time"),
    };

    /// <summary>The schema of a serialized value of <paramref name="type"/>; <paramref name="nullable"/> adds <c>null</c>.</summary>
    public IOpenApiSchema For(Type type, bool nullable = false)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return For(underlying, nullable: true);
        }

        if (SimpleSchema(type) is { } simple)
        {
            return WithNull(simple, nullable);
        }

        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                return WithNull(new OpenApiSchema { Type = JsonSchemaType.Array, Items = For(info.ElementType!) }, nullable);
            case JsonTypeInfoKind.Dictionary:
                return WithNull(new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = For(info.ElementType!) }, nullable);
            case JsonTypeInfoKind.Object:
                var reference = new OpenApiSchemaReference(Component(info), document);
                return nullable ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] } : reference;
            default:
                return WithNull(FromExporter(type), nullable);
        }
    }

    private string Component(JsonTypeInfo info)
    {
        if (_names.TryGetValue(info.Type, out var name))
        {
            return name;
        }

        name = UniqueName(info.Type);
        _names[info.Type] = name;
        var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) };
        document.Components!.Schemas![name] = schema;
        foreach (var property in info.Properties)
        {
            if (property.Get is null)
            {
                continue; // write-only: never in a response, and a body sets it only when present
            }

            var nullable = !property.PropertyType.IsValueType && IsNullable(info.Type, property);
            schema.Properties[property.Name] = For(property.PropertyType, nullable);
            // Required: a required member, or a constructor parameter without a default (as ASP.NET Core's documents mark them).
            if (property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false })
            {
                (schema.Required ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Name);
            }
        }

        return name;
    }

    /// <summary>
    /// Whether a reference-type member is annotated nullable, read from the member itself: metadata written by a source
    /// generator may not carry the annotation (nor the member, then found by name); as System.Text.Json reports it otherwise.
    /// </summary>
    private bool IsNullable(Type type, JsonPropertyInfo property) => property.AttributeProvider is null && GeneratedSchemaFacts.IsNullable(type, property.Name) is { } generated
        ? generated
        : (property.AttributeProvider ?? Member(type, property.Name)) switch
    {
        PropertyInfo member => _nullability.Create(member).ReadState == NullabilityState.Nullable,
        FieldInfo member => _nullability.Create(member).ReadState == NullabilityState.Nullable,
        _ => property.IsGetNullable,
    };

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Types the source generator describes are answered by GeneratedSchemaFacts; a member trimmed away is reported as System.Text.Json reports it.")]
    private static MemberInfo? Member(Type type, string name) =>
        (MemberInfo?)type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) ?? type.GetField(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    private string UniqueName(Type type)
    {
        var name = Name(type);
        var unique = name;
        for (var i = 2; !_taken.Add(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>The component name: the type's name; a generic type's arguments follow <c>Of</c> (<c>PageOfUser</c>).</summary>
    private static string Name(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "Of" + string.Concat(type.GetGenericArguments().Select(Name));
    }

    private static OpenApiSchema? SimpleSchema(Type type)
    {
        if (Simple.TryGetValue(type, out var simple))
        {
            return simple.Type == default ? new OpenApiSchema() : new OpenApiSchema { Type = simple.Type, Format = simple.Format };
        }

        return null;
    }

    /// <summary>Enums and types with converters: System.Text.Json's own schema of them, as the serializer writes them.</summary>
    private OpenApiSchema FromExporter(Type type)
    {
        var node = options.GetJsonSchemaAsNode(type);
        var schema = new OpenApiSchema();
        if (node is JsonObject json)
        {
            schema.Type = json["type"] switch
            {
                JsonValue value => Parse(value.GetValue<string>()),
                JsonArray types => types.Aggregate(default(JsonSchemaType), (all, v) => all | Parse(v!.GetValue<string>())),
                _ => null,
            };
            schema.Format = json["format"]?.GetValue<string>();
            schema.Pattern = json["pattern"]?.GetValue<string>();
            if (json["enum"] is JsonArray values)
            {
                schema.Enum = [.. values.Select(v => v?.DeepClone()!)];
                schema.Type ??= values.All(v => v?.GetValueKind() == JsonValueKind.String) ? JsonSchemaType.String : null;
            }
        }

        return schema;
    }

    /// <summary>A JSON Schema type name (<c>string</c>, <c>integer</c>…): the enum's members have the same names.</summary>
    private static JsonSchemaType Parse(string type) => Enum.Parse<JsonSchemaType>(type, ignoreCase: true);

    private static OpenApiSchema WithNull(OpenApiSchema schema, bool nullable)
    {
        if (nullable && schema.Type is not null)
        {
            schema.Type |= JsonSchemaType.Null;
            schema.Enum?.Add(null!);
        }

        return schema;
    }
}
