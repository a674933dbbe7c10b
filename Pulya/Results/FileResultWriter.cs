using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Pulya.Http;
using Pulya.Pipeline;

namespace Pulya.Results;

/// <summary>
/// Sends a file with <c>Content-Length</c>, <c>Last-Modified</c>, a strong <c>ETag</c> (last write time and length) and
/// <c>Accept-Ranges: bytes</c>. Conditional GET and HEAD (RFC 9110 §13): <c>If-None-Match</c> first, else
/// <c>If-Modified-Since</c> (ignored when later than the server's clock), answer 304. A folder is a 404, as a missing file. One byte range on a GET (RFC 9110 §14) answers 206 or 416; <c>If-Range</c> that no
/// longer matches, a malformed <c>Range</c> or several ranges answer 200 with the whole file (multipart/byteranges is not produced).
/// </summary>
internal static class FileResultWriter
{
    private static readonly byte[] RangeNotSatisfiable = ErrorResponses.Encode("Range not satisfiable.");

    public static async Task WriteAsync(PulyaContext context, int status, string contentType, FileContent file)
    {
        var path = file.Path;
        FileStream stream;
        try
        {
            if (path.Length == 0 || (file.Folder is { } folder && !FileLinks.StayInside(folder, path)))
            {
                // A confined path that leaves its folder: answered as a missing file, nothing logged.
                throw new FileNotFoundException();
            }

            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException || (ex is UnauthorizedAccessException && Directory.Exists(path)))
        {
            context.Response.Headers.Clear();
            await context.Errors.Write(context, StatusCodes.Status404NotFound, ErrorResponses.NotFound);
            return;
        }

        await using (stream)
        {
            var length = stream.Length;
            var modified = File.GetLastWriteTimeUtc(path);
            modified = new DateTimeOffset(modified.Ticks - (modified.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).UtcDateTime;
            var etag = new EntityTagHeaderValue("\"" + modified.Ticks.ToString("x", CultureInfo.InvariantCulture) + "-" + length.ToString("x", CultureInfo.InvariantCulture) + "\"");
            var headers = context.Response.Headers;
            headers.LastModified = HeaderUtilities.FormatDate(modified);
            headers.ETag = etag.ToString();
            headers.AcceptRanges = "bytes";
            if (status == StatusCodes.Status200OK && IsNotModified(context, etag, modified))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            headers.ContentType = contentType;
            var (offset, count) = (0L, length);
            if (status == StatusCodes.Status200OK && HttpMethods.IsGet(context.Method) && SingleRange(context, etag, modified) is { } range)
            {
                if (!TryResolve(range, length, out offset, out count))
                {
                    headers.ContentRange = "bytes */" + length.ToString(CultureInfo.InvariantCulture);
                    await context.Errors.Write(context, StatusCodes.Status416RangeNotSatisfiable, RangeNotSatisfiable);
                    return;
                }

                status = StatusCodes.Status206PartialContent;
                headers.ContentRange = new ContentRangeHeaderValue(offset, offset + count - 1, length).ToString();
            }

            context.Response.StatusCode = status;
            headers.ContentLength = count;
            if (context.IsHead || count == 0)
            {
                return;
            }

            stream.Seek(offset, SeekOrigin.Begin);
            await StreamResultWriter.CopyAsync(context, stream, count);
        }
    }

    private static bool IsNotModified(PulyaContext context, EntityTagHeaderValue etag, DateTime modified)
    {
        if (!HttpMethods.IsGet(context.Method) && !context.IsHead)
        {
            return false;
        }

        var noneMatch = context.Headers.GetList(HeaderNames.IfNoneMatch);
        if (noneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(noneMatch, out var tags) && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return context.Headers.Get(HeaderNames.IfModifiedSince, Http.HeaderStrategy.First) is { } since
            && HeaderUtilities.TryParseDate(since, out var date)
            && date <= DateTimeOffset.UtcNow // RFC 9110 §13.1.3: a date in the future is invalid, the condition is ignored
            && modified <= date.UtcDateTime;
    }

    /// <summary>The single byte range asked for, or null when the whole file is to be sent.</summary>
    private static RangeItemHeaderValue? SingleRange(PulyaContext context, EntityTagHeaderValue etag, DateTime modified)
    {
        var rangeHeader = context.Headers.GetList(HeaderNames.Range);
        if (rangeHeader.Count != 1
            || !RangeHeaderValue.TryParse(rangeHeader[0], out var range)
            || !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)
            || range.Ranges.Count != 1)
        {
            return null;
        }

        return IfRangeHolds(context.Headers.GetList(HeaderNames.IfRange), etag, modified) ? range.Ranges.Single() : null;
    }

    private static bool IfRangeHolds(StringValues ifRange, EntityTagHeaderValue etag, DateTime modified)
    {
        if (ifRange.Count == 0)
        {
            return true;
        }

        if (!RangeConditionHeaderValue.TryParse(ifRange[0], out var condition))
        {
            return false;
        }

        return condition.EntityTag is { } tag ? tag.Compare(etag, useStrongComparison: true) : condition.LastModified!.Value.UtcDateTime == modified;
    }

    private static bool TryResolve(RangeItemHeaderValue range, long length, out long offset, out long count)
    {
        if (range.From is { } from)
        {
            offset = from;
            var end = Math.Min(range.To ?? length - 1, length - 1);
            count = end - from + 1;
        }
        else
        {
            var suffix = Math.Min(range.To!.Value, length);
            offset = length - suffix;
            count = suffix;
        }

        return offset < length && count > 0;
    }
}
