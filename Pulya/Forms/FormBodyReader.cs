using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Pulya.Binding;
using Pulya.CompilerServices;
using Pulya.Http;
using Pulya.Pipeline;
using Pulya.Results;

namespace Pulya.Forms;

/// <summary>
/// Reads a request's form before its handler is bound: <c>application/x-www-form-urlencoded</c> with ASP.NET Core's
/// <see cref="FormReader"/>, <c>multipart/form-data</c> with its <see cref="MultipartReader"/>, both streaming off the
/// request body under the body limit (413). Field values are kept; files are buffered (<see cref="FormFileBuffer"/>) and
/// deleted when the response completes. Another media type is a 415; a malformed form or one past the limits
/// (<see cref="PulyaOptions.MaxFormParts"/> fields and files together, 16 headers per part, a 70-character boundary) a 400.
/// </summary>
internal static class FormBodyReader
{
    private const int MaxBoundaryLength = 70;

    /// <summary>Reads the form into <see cref="PulyaContext.BodyValue"/>; 0, or 415 when the media type is not a form.</summary>
    public static async ValueTask<int> ReadAsync(PulyaContext context, long limit)
    {
        var contentType = context.Headers.Get(HeaderNames.ContentType, HeaderStrategy.First);
        if (contentType is null && context.RequestContentLength is null or 0 && !context.Headers.Contains(HeaderNames.TransferEncoding))
        {
            context.BodyValue = PulyaForm.Empty;
            return 0;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return StatusCodes.Status415UnsupportedMediaType;
        }

        var urlEncoded = mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!urlEncoded && !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return StatusCodes.Status415UnsupportedMediaType;
        }

        var body = ParameterBinders.BodyStream(context, limit);
        try
        {
            context.BodyValue = urlEncoded
                ? new PulyaForm(await new FormReader(body, Encoding.UTF8) { ValueCountLimit = context.Options.MaxFormParts }.ReadFormAsync(context.RequestAborted), [])
                : await ReadMultipartAsync(context, body, HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString());
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not Microsoft.AspNetCore.Http.BadHttpRequestException))
        {
            // The readers report a malformed form (or one past their limits) as InvalidDataException, a body that ends
            // inside a part as IOException; the body stream has already turned transport failures into other exceptions.
            throw new BadRequestException("The form is malformed: " + ex.Message);
        }

        return 0;
    }

    private static async Task<PulyaForm> ReadMultipartAsync(PulyaContext context, Stream body, string boundary)
    {
        if (boundary.Length is 0 or > MaxBoundaryLength)
        {
            throw new BadRequestException("The multipart boundary is missing or longer than 70 characters.");
        }

        var reader = new MultipartReader(boundary, body);
        var fields = new KeyValueAccumulator();
        var files = new List<PulyaFile>();
        var buffers = new List<FormFileBuffer>();
        context.Response.OnCompleted(static state =>
        {
            foreach (var buffer in (List<FormFileBuffer>)state)
            {
                buffer.Dispose();
            }

            return Task.CompletedTask;
        }, buffers);

        var limit = context.Options.MaxFormParts;
        var parts = 0;
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            if (++parts > limit)
            {
                throw new BadRequestException($"The form has more than {limit} parts (fields and files).");
            }

            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                || HeaderUtilities.RemoveQuotes(disposition.Name).ToString() is not { Length: > 0 } name)
            {
                throw new BadRequestException("A multipart section has no form-data Content-Disposition with a name.");
            }

            if (disposition.IsFileDisposition())
            {
                var buffer = await FormFileBuffer.ReadAsync(section.Body, context.RequestAborted);
                buffers.Add(buffer);
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                files.Add(new PulyaFile(name, fileName, section.ContentType ?? "application/octet-stream", buffer.Length, buffer.Open));
            }
            else
            {
                fields.Append(name, await section.ReadAsStringAsync(context.RequestAborted));
            }
        }

        return new PulyaForm(fields.GetResults(), files);
    }
}
