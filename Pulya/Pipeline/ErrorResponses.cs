using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pulya.Http;
using Pulya.Serialization;

namespace Pulya.Pipeline;

/// <summary>The JSON error bodies of the error table (docs/architecture.md), encoded once; per-request messages (400) are written without a string round-trip.</summary>
internal static class ErrorResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static readonly byte[] NotFound = Encode("Not found.");
    public static readonly byte[] MethodNotAllowed = Encode("Method not allowed.");
    public static readonly byte[] PayloadTooLarge = Encode("Request body too large.");
    public static readonly byte[] UnsupportedFormMediaType = Encode("Unsupported media type: send the form as application/x-www-form-urlencoded or multipart/form-data (UTF-8).");
    public static readonly byte[] NotAcceptable = Encode("Not acceptable: no registered format matches the Accept header.");
    public static readonly byte[] InternalServerError = Encode("Internal server error.");

    /// <summary>Encodes <c>{"error":message}</c>.</summary>
    public static byte[] Encode(string message)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The body for a status chosen by Kestrel while reading the request (400, 408, 413...).</summary>
    public static byte[] ForStatus(int status) => status switch
    {
        413 => PayloadTooLarge,
        _ => Encode($"Bad request (status {status})."),
    };

    /// <summary>
    /// The body for a status chosen while reading the body of an endpoint (413, 415): a 415 names the media types the
    /// endpoint accepts, those of the registered serializers or those of a form.
    /// </summary>
    public static byte[] ForBodyStatus(int status, Type? bodyType, SerializerSelector serializers) => status switch
    {
        415 when bodyType == typeof(PulyaForm) => UnsupportedFormMediaType,
        415 => serializers.UnsupportedMediaType,
        _ => ForStatus(status),
    };

    /// <summary>The 415 body of a serialized request body, encoded once per application (types in ordinal order, whichever is the default): <c>send the body as application/json (UTF-8)</c>.</summary>
    public static byte[] UnsupportedMediaTypeOf(IEnumerable<string> mediaTypes)
    {
        var types = mediaTypes.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
        var list = types.Length == 1 ? types[0] : string.Join(", ", types[..^1]) + " or " + types[^1];
        return Encode($"Unsupported media type: send the body as {list} (UTF-8).");
    }
}
