using System.Text.Json.Serialization;

namespace Pulya.OpenApi.SwaggerUi;

/// <summary>Writes the document URL into the page's script as a JSON string, without reflection.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class SwaggerUiJsonContext : JsonSerializerContext;
