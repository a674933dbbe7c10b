using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pulya.Pipeline;

/// <summary>The JSON error bodies of the error table (docs/architecture.md), encoded once; per-request messages (400) are written without a string round-trip.</summary>
internal static class ErrorResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static readonly byte[] NotFound = Encode("Not found.");
    public static readonly byte[] MethodNotAllowed = Encode("Method not allowed.");
    public static readonly byte[] PayloadTooLarge = Encode("Request body too large.");
    public static readonly byte[] UnsupportedMediaType = Encode("Unsupported media type.");
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

    /// <summary>The body for a status chosen while reading the request, by Kestrel (400, 408, 413...) or Pulya (413, 415).</summary>
    public static byte[] ForStatus(int status) => status switch
    {
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        _ => Encode($"Bad request (status {status})."),
    };
}
