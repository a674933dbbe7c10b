using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Pulya.Serialization;

/// <summary>
/// Content negotiation among the registered serializers. The request body is read by the serializer whose media type
/// matches <c>Content-Type</c> (no header: the default; a <c>charset</c> other than UTF-8: none, 415). The response is
/// written in the format <c>Accept</c> prefers, as RFC 9110 §12.5.1 says: each format takes the quality of the most
/// specific range that matches it (<c>type/subtype</c> with parameters, then <c>type/subtype</c>, <c>type/*</c>,
/// <c>*/*</c>); the highest quality above zero wins, ties go to the range listed first, then to registration order
/// (default first). Null when <c>Accept</c> rules out every format (406). One pass over the header, at most
/// <see cref="MaxAcceptEntries"/> entries considered: the cost is linear in the header and bounded.
/// </summary>
internal sealed class SerializerSelector
{
    /// <summary>The most <c>Accept</c> entries considered; later ones are ignored. Real clients send fewer than ten.</summary>
    public const int MaxAcceptEntries = 32;

    private readonly IPulyaSerializer[] _serializers;
    private readonly (string Type, string Subtype, IPulyaSerializer Serializer)[] _mediaTypes;

    /// <summary>Per entry of <see cref="_mediaTypes"/>, the serializer answering a range naming exactly that media type.</summary>
    private readonly IPulyaSerializer[] _exactAnswers;

    /// <param name="serializers">The default serializer first.</param>
    public SerializerSelector(IReadOnlyList<IPulyaSerializer> serializers)
    {
        _serializers = [.. serializers];
        Default = _serializers[0];
        // Plain loops: LINQ over the tuples would be generic code over a value type, compiled by the JIT at every start-up.
        var count = 0;
        foreach (var serializer in _serializers)
        {
            count += serializer.MediaTypes.Count;
        }

        var names = new string[count];
        _mediaTypes = new (string, string, IPulyaSerializer)[count];
        _exactAnswers = new IPulyaSerializer[count];
        var index = 0;
        foreach (var serializer in _serializers)
        {
            foreach (var mediaType in serializer.MediaTypes)
            {
                var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
                names[index] = mediaType;
                _mediaTypes[index] = (mediaType[..slash], mediaType[(slash + 1)..], serializer);
                // A client that names an alias (application/x-msgpack) gets the content type it asked for; ranges with
                // wildcards get the serializer's own.
                _exactAnswers[index] = IsOwnMediaType(serializer, mediaType) ? serializer : new AliasedSerializer(serializer, mediaType);
                index++;
            }
        }

        UnsupportedMediaType = Pipeline.ErrorResponses.UnsupportedMediaTypeOf(names);
        Answers = [.. _serializers, .. _exactAnswers.Except(_serializers)];
        Negotiates = names.Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1;
    }

    /// <summary>The 415 body naming every media type a request body may have, encoded once.</summary>
    public byte[] UnsupportedMediaType { get; }

    /// <summary>
    /// Whether <c>Accept</c> can change a response: more than one media type is registered. Then a negotiated response
    /// carries <c>Vary: Accept</c>.
    /// </summary>
    public bool Negotiates { get; }

    public IPulyaSerializer Default { get; }

    public IReadOnlyList<IPulyaSerializer> All => _serializers;

    /// <summary>Every serializer <see cref="ForAccept(StringValues)"/> can answer with: <see cref="All"/>, then the aliases.</summary>
    public IReadOnlyList<IPulyaSerializer> Answers { get; }

    /// <summary>The serializer for a request body with <paramref name="contentType"/>, or null (415).</summary>
    public IPulyaSerializer? ForContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return Default;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType.AsSpan() : contentType.AsSpan(0, semicolon)).Trim();
        if (semicolon >= 0 && !IsUtf8OrAbsent(Parameter(contentType.AsSpan(semicolon), "charset")))
        {
            // Every registered format is UTF-8 text or binary: a body in another charset cannot be read.
            return null;
        }

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
    public IPulyaSerializer? ForAccept(StringValues accept) => ForAccept(accept, out _);

    /// <summary>As <see cref="ForAccept(StringValues)"/>; <paramref name="examined"/> counts the entries looked at.</summary>
    public IPulyaSerializer? ForAccept(StringValues accept, out int examined)
    {
        examined = 0;
        if (accept.Count == 0 || (accept.Count == 1 && (string.IsNullOrEmpty(accept[0]) || accept[0] == "*/*")))
        {
            return Default;
        }

        var count = _mediaTypes.Length;
        // Per registered media type: specificity of the deciding range (-1: none yet), its quality and its position.
        Span<int> specificity = count <= 16 ? stackalloc int[count] : new int[count];
        Span<double> quality = count <= 16 ? stackalloc double[count] : new double[count];
        Span<int> position = count <= 16 ? stackalloc int[count] : new int[count];
        specificity.Fill(-1);
        var valid = false;
        for (var v = 0; v < accept.Count && examined < MaxAcceptEntries; v++)
        {
            var rest = (accept[v] ?? string.Empty).AsSpan();
            while (!rest.IsEmpty && examined < MaxAcceptEntries)
            {
                var entry = NextEntry(ref rest);
                examined++;
                if (!entry.IsWhiteSpace() && Apply(entry, examined, specificity, quality, position))
                {
                    valid = true;
                }
            }
        }

        if (!valid)
        {
            // Nothing parseable: treated as if the header were absent.
            return Default;
        }

        var best = -1;
        for (var i = 0; i < count; i++)
        {
            if (specificity[i] >= 0 && quality[i] > 0
                && (best < 0 || quality[i] > quality[best] || (quality[i] == quality[best] && position[i] < position[best])))
            {
                best = i;
            }
        }

        return best < 0 ? null : specificity[best] >= 2 ? _exactAnswers[best] : _mediaTypes[best].Serializer;
    }

    private static bool IsOwnMediaType(IPulyaSerializer serializer, string mediaType) =>
        serializer.ContentType.AsSpan().StartsWith(mediaType, StringComparison.OrdinalIgnoreCase)
        && (serializer.ContentType.Length == mediaType.Length || serializer.ContentType[mediaType.Length] == ';');

    /// <summary>Adds <c>Vary: Accept</c> to a response whose format was chosen from <c>Accept</c>, when that choice exists.</summary>
    public void VaryByAccept(IHeaderDictionary headers)
    {
        if (Negotiates)
        {
            headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        }
    }

    /// <summary>Applies one media range to every registered media type it matches; false when it does not parse.</summary>
    private bool Apply(ReadOnlySpan<char> entry, int index, Span<int> specificity, Span<double> quality, Span<int> position)
    {
        var semicolon = entry.IndexOf(';');
        var range = (semicolon < 0 ? entry : entry[..semicolon]).Trim();
        var parameters = semicolon < 0 ? [] : entry[semicolon..];
        var slash = range.IndexOf('/');
        if (slash <= 0 || slash == range.Length - 1)
        {
            return false;
        }

        var type = range[..slash];
        var subtype = range[(slash + 1)..];
        var q = 1.0;
        var qText = Parameter(parameters, "q");
        if (!qText.IsEmpty
            && (!double.TryParse(qText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out q) || q > 1))
        {
            return false;
        }

        if (!IsUtf8OrAbsent(Parameter(parameters, "charset")))
        {
            // A charset the formats cannot write: the range matches none of them.
            return true;
        }

        var typeWildcard = type is "*";
        if (typeWildcard && subtype is not "*")
        {
            return false;
        }

        // Parameters other than q make a range more specific than the bare media type.
        var rank = typeWildcard ? 0 : subtype is "*" ? 1 : HasOtherParameters(parameters) ? 3 : 2;
        for (var i = 0; i < _mediaTypes.Length; i++)
        {
            var (candidateType, candidateSubtype, _) = _mediaTypes[i];
            var matches = typeWildcard
                || (type.Equals(candidateType, StringComparison.OrdinalIgnoreCase)
                    && (rank == 1 || subtype.Equals(candidateSubtype, StringComparison.OrdinalIgnoreCase)));
            if (matches && rank > specificity[i])
            {
                specificity[i] = rank;
                quality[i] = q;
                position[i] = index;
            }
        }

        return true;
    }

    /// <summary>Splits off the next comma-separated entry (commas inside quoted strings do not split).</summary>
    private static ReadOnlySpan<char> NextEntry(ref ReadOnlySpan<char> rest)
    {
        var quoted = false;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                var entry = rest[..i];
                rest = rest[(i + 1)..];
                return entry;
            }
        }

        var last = rest;
        rest = [];
        return last;
    }

    /// <summary>The value of parameter <paramref name="name"/> in <c>;a=b;c="d"</c>, unquoted; empty when absent.</summary>
    private static ReadOnlySpan<char> Parameter(ReadOnlySpan<char> parameters, string name)
    {
        while (!parameters.IsEmpty)
        {
            parameters = parameters[1..]; // the ';'
            var next = parameters.IndexOf(';');
            var parameter = next < 0 ? parameters : parameters[..next];
            parameters = next < 0 ? [] : parameters[next..];
            var equals = parameter.IndexOf('=');
            if (equals > 0 && parameter[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter[(equals + 1)..].Trim().Trim('"');
            }
        }

        return [];
    }

    private static bool HasOtherParameters(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range];
            var equals = parameter.IndexOf('=');
            if (equals > 0)
            {
                var name = parameter[..equals].Trim();
                if (!name.Equals("q", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsUtf8OrAbsent(ReadOnlySpan<char> charset) =>
        charset.IsEmpty || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
