using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Pulya.Serialization;

/// <summary>
/// Options of the <c>NewtonsoftJson</c> serializer, set with <c>AddNewtonsoftJson(o => ...)</c>. The serializer copies
/// <see cref="SerializerSettings"/> once at start-up; changing them afterwards has no effect. Validated at start-up:
/// <see cref="JsonSerializerSettings.TypeNameHandling"/> must stay <see cref="TypeNameHandling.None"/> and
/// <see cref="JsonSerializerSettings.MaxDepth"/> must be set.
/// </summary>
public sealed class NewtonsoftJsonOptions
{
    /// <summary>The settings, pre-filled with <see cref="CreateDefaultSettings"/>.</summary>
    public JsonSerializerSettings SerializerSettings { get; } = CreateDefaultSettings();

    /// <summary>
    /// The defaults, chosen to write the same bytes as the <c>SystemTextJson</c> serializer: camelCase property names
    /// (dictionary keys unchanged), enums as camelCase strings, nulls written, ISO 8601 dates (round-trip kind), no
    /// indentation. For untrusted input: <see cref="TypeNameHandling.None"/>, metadata properties (<c>$type</c>,
    /// <c>$id</c>, <c>$ref</c>) read as ordinary (unknown) properties, maximum depth 64, date-like strings left as strings.
    /// </summary>
    public static JsonSerializerSettings CreateDefaultSettings() => new()
    {
        ContractResolver = new DefaultContractResolver
        {
            NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = true },
        },
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()) },
        TypeNameHandling = TypeNameHandling.None,
        MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
        MaxDepth = 64,
        NullValueHandling = NullValueHandling.Include,
        DateFormatHandling = DateFormatHandling.IsoDateFormat,
        DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
        DateParseHandling = DateParseHandling.None,
        Formatting = Formatting.None,
    };
}
