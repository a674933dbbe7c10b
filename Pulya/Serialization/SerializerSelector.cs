using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace Pulya.Serialization;

/// <summary>
/// Content negotiation among the registered serializers: the request body is read by the serializer whose media type
/// matches <c>Content-Type</c> (no header: the default); the response is written in the format <c>Accept</c> prefers
/// (q-values honoured; ties keep the header's order), else the default; null when <c>Accept</c> rules out every format.
/// </summary>
internal sealed class SerializerSelector
{
    private readonly IPulyaSerializer[] _serializers;
    private readonly (MediaTypeHeaderValue MediaType, IPulyaSerializer Serializer)[] _mediaTypes;

    /// <param name="serializers">The default serializer first.</param>
    public SerializerSelector(IReadOnlyList<IPulyaSerializer> serializers)
    {
        _serializers = [.. serializers];
        Default = _serializers[0];
        _mediaTypes = [.. _serializers.SelectMany(s => s.MediaTypes.Select(m => (MediaTypeHeaderValue.Parse(m), s)))];
    }

    public IPulyaSerializer Default { get; }

    public IReadOnlyList<IPulyaSerializer> All => _serializers;

    /// <summary>The serializer for a request body with <paramref name="contentType"/>, or null (415).</summary>
    public IPulyaSerializer? ForContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return Default;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType.AsSpan() : contentType.AsSpan(0, semicolon)).Trim();
        foreach (var serializer in _serializers)
        {
            foreach (var candidate in serializer.MediaTypes)
            {
                if (mediaType.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return serializer;
                }
            }
        }

        return null;
    }

    /// <summary>The serializer for the response given the request's <c>Accept</c> values, or null (406).</summary>
    public IPulyaSerializer? ForAccept(StringValues accept)
    {
        if (accept.Count == 0 || (accept.Count == 1 && (string.IsNullOrEmpty(accept[0]) || accept[0] == "*/*")))
        {
            return Default;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return Default;
        }

        IPulyaSerializer? best = null;
        var bestQuality = 0.0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= bestQuality)
            {
                continue;
            }

            var match = Find(range, ranges);
            if (match is not null)
            {
                best = match;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>The first registered media type (default first) inside <paramref name="range"/> that no <c>q=0</c> entry rules out.</summary>
    private IPulyaSerializer? Find(MediaTypeHeaderValue range, IList<MediaTypeHeaderValue> ranges)
    {
        foreach (var (mediaType, serializer) in _mediaTypes)
        {
            if (mediaType.IsSubsetOf(range) && !IsRuledOut(mediaType, ranges))
            {
                return serializer;
            }
        }

        return null;
    }

    private static bool IsRuledOut(MediaTypeHeaderValue mediaType, IList<MediaTypeHeaderValue> ranges)
    {
        foreach (var range in ranges)
        {
            if (range.Quality == 0 && mediaType.IsSubsetOf(range))
            {
                return true;
            }
        }

        return false;
    }
}
