using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Pulya.Peers.RawKestrel;

/// <summary>The sample's routes with a hand-written switch on method and path; bodies byte for byte like the sample's.</summary>
internal sealed class SampleApplication : RawApplication
{
    private const int MaxBody = 1024 * 1024;
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] PlainText = "Hello in plain text!"u8.ToArray();
    private static readonly byte[] HelloWorld = "Hello, World!"u8.ToArray();

    public override Task ProcessRequestAsync(IFeatureCollection context)
    {
        var request = context.Get<IHttpRequestFeature>()!;
        var path = request.Path;
        var get = request.Method == "GET";
        if (get)
        {
            switch (path)
            {
                case "/":
                case "/last_route":
                    return WriteJsonAsync(context, Success);
                case "/plain_response/":
                    return WriteAsync(context, 200, "text/plain; charset=utf-8", PlainText);
                case "/str/":
                    return WriteAsync(context, 200, "text/plain; charset=utf-8", PlainText);
                case "/bytes/":
                    return WriteAsync(context, 200, "application/octet-stream", PlainText);
                case "/headers/":
                    return Headers(context, request);
                case "/plaintext":
                    return WriteAsync(context, 200, "text/plain; charset=utf-8", HelloWorld);
                case "/json":
                    return HelloJson(context);
            }

            if (path.StartsWith("/users/", StringComparison.Ordinal)
                && int.TryParse(path.AsSpan(7), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var userId))
            {
                return User(context, userId);
            }

            if (path.StartsWith("/wiring/", StringComparison.Ordinal) && path.IndexOf('/', 8) < 0 && path.Length > 8)
            {
                return Wiring(context, request, path[8..]);
            }

            if (path.StartsWith("/some/", StringComparison.Ordinal) && TryDynamic(path, out var id, out var another, out var route))
            {
                return Dynamic(context, id, another, route);
            }
        }
        else if (request.Method == "POST" && path == "/echo")
        {
            return EchoAsync(context, request);
        }

        return WriteAsync(context, 404, "application/json; charset=utf-8", NotFound);
    }

    /// <summary>{"message":"Hello, World!"}, serialized per request as a JSON benchmark requires.</summary>
    private static Task HelloJson(IFeatureCollection context)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            json.WriteString("message", "Hello, World!");
            json.WriteEndObject();
        }

        return WriteJsonAsync(context, buffer.WrittenMemory);
    }

    private static Task User(IFeatureCollection context, int id)
    {
        var buffer = new ArrayBufferWriter<byte>(48);
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            json.WriteString("name", $"user {id}");
            json.WriteEndObject();
        }

        return WriteJsonAsync(context, buffer.WrittenMemory);
    }

    private static Task Headers(IFeatureCollection context, IHttpRequestFeature request)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            json.WriteString("x-example", request.Headers.TryGetValue("X-Example", out var v) ? v.ToString() : null);
            json.WriteEndObject();
        }

        return WriteJsonAsync(context, buffer.WrittenMemory);
    }

    private static Task Wiring(IFeatureCollection context, IHttpRequestFeature request, string name)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            json.WriteString("test", "ok");
            json.WriteString("user", $"<User {request.Path}>");
            json.WriteString("name", name);
            json.WriteStartArray("headers");
            foreach (var header in request.Headers)
            {
                foreach (var value in header.Value)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(header.Key);
                    json.WriteStringValue(value ?? string.Empty);
                    json.WriteEndArray();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return WriteJsonAsync(context, buffer.WrittenMemory);
    }

    /// <summary>/some/{id}/and/{another}/{i}/other with 0 ≤ i &lt; 100.</summary>
    private static bool TryDynamic(string path, out string id, out string another, out int route)
    {
        id = another = string.Empty;
        route = -1;
        var parts = path.Split('/');
        if (parts.Length != 7 || parts[3] != "and" || parts[6] != "other" || parts[2].Length == 0 || parts[4].Length == 0)
        {
            return false;
        }

        if (!int.TryParse(parts[5], out route) || route is < 0 or >= 100 || parts[5] != route.ToString(CultureInfo.InvariantCulture))
        {
            return false;
        }

        id = parts[2];
        another = parts[4];
        return true;
    }

    private static Task Dynamic(IFeatureCollection context, string id, string another, int route)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer, Relaxed))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("another", another);
            json.WriteNumber("route", route);
            json.WriteEndObject();
        }

        return WriteJsonAsync(context, buffer.WrittenMemory);
    }

    private static async Task EchoAsync(IFeatureCollection context, IHttpRequestFeature request)
    {
        var contentType = request.Headers.ContentType.ToString();
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync(context, 415, "application/json; charset=utf-8", """{"error":"Unsupported Media Type"}"""u8.ToArray());
            return;
        }

        var reader = context.Get<IRequestBodyPipeFeature>()!.Reader;
        while (true)
        {
            var read = await reader.ReadAsync();
            if (read.IsCompleted || read.Buffer.Length > MaxBody)
            {
                var body = read.Buffer;
                if (body.Length > MaxBody)
                {
                    reader.AdvanceTo(body.End);
                    await WriteAsync(context, 413, "application/json; charset=utf-8", """{"error":"Payload Too Large"}"""u8.ToArray());
                    return;
                }

                var ok = TryEcho(body, out var output);
                reader.AdvanceTo(body.End);
                if (!ok)
                {
                    await WriteAsync(context, 400, "application/json; charset=utf-8", """{"error":"Bad Request"}"""u8.ToArray());
                    return;
                }

                await WriteJsonAsync(context, output.WrittenMemory);
                return;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static bool TryEcho(ReadOnlySequence<byte> body, out ArrayBufferWriter<byte> output)
    {
        output = new ArrayBufferWriter<byte>((int)Math.Max(body.Length, 16));
        try
        {
            var reader = new Utf8JsonReader(body);
            var echo = JsonSerializer.Deserialize(ref reader, EchoJsonContext.Default.EchoBody);
            if (echo is null)
            {
                return false;
            }

            using var json = new Utf8JsonWriter(output);
            JsonSerializer.Serialize(json, echo, EchoJsonContext.Default.EchoBody);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
