using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Pulya.Http;

namespace Pulya.Pipeline;

/// <summary>The 400 of failed validation, in either shape: every failing member with its messages.</summary>
internal sealed partial class ErrorShape
{
    /// <summary>The message (Pulya's shape) and title (Problem Details) of a validation failure, ASP.NET Core's wording.</summary>
    public const string ValidationTitle = "One or more validation errors occurred.";

    /// <summary>
    /// 400 listing <paramref name="errors"/> (member → messages): <c>{"error":…,"errors":{…}}</c> in Pulya's shape; in
    /// Problem Details the members of ASP.NET Core's <c>HttpValidationProblemDetails</c> (<c>type</c>, <c>title</c>,
    /// <c>status</c>, <c>errors</c>) with <c>instance</c> and <c>traceId</c>.
    /// </summary>
    public Response ValidationProblem(PulyaContext context, IEnumerable<KeyValuePair<string, List<string>>> errors)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (_heads is null)
            {
                writer.WriteString("error", ValidationTitle);
            }
            else
            {
                writer.WriteString("type", TypeFor(400));
                writer.WriteString("title", ValidationTitle);
                writer.WriteNumber("status", 400);
            }

            writer.WriteStartObject("errors");
            foreach (var (member, messages) in errors)
            {
                writer.WriteStartArray(member);
                foreach (var message in messages)
                {
                    writer.WriteStringValue(message);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            if (_heads is not null)
            {
                writer.WriteString("instance", context.Path);
                if (TraceId(context) is { } traceId)
                {
                    writer.WriteString("traceId", traceId);
                }
            }

            writer.WriteEndObject();
        }

        if (_writer is null)
        {
            return Response.Bytes(buffer.WrittenSpan.ToArray(), ContentType, 400);
        }

        var problem = Problem(context, 400, detail: null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        return new Response(new ProblemContent(_writer, problem, buffer.WrittenSpan.ToArray()), 400);
    }

    /// <summary>The request's trace (W3C id of its activity) when it is traced, else the server's request identifier.</summary>
    private static string? TraceId(PulyaContext context) =>
        Activity.Current?.Id ?? context.Features.Get<IHttpRequestIdentifierFeature>()?.TraceIdentifier;
}
