namespace Pulya.Reliability.Tests.Corpus;

/// <summary>
/// The statuses a case may get: <c>400</c>; alternatives the server's own limits decide between (<c>431|400</c>);
/// <c>supported?400:415</c> — 400 when a registered serializer reads the request's Content-Type (so the body reaches
/// it and is rejected as malformed), else 415 (MessagePack cases stay meaningful whether or not the module is
/// registered); followed by overrides for the serializer that reads the body, <c>NewtonsoftJson=200</c>, where that
/// serializer's documented behaviour differs.
/// </summary>
public sealed record CorpusExpectation(string Text, IReadOnlyList<int> Statuses, IReadOnlyList<int> UnsupportedStatuses, bool DependsOnContentType, IReadOnlyDictionary<string, IReadOnlyList<int>> BySerializer)
{
    public static CorpusExpectation Parse(string text)
    {
        const string Prefix = "supported?";
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var overrides = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var token in tokens.Skip(1))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Expected 'Serializer=status' in '{text}'.");
            }

            overrides[token[..equals]] = List(token[(equals + 1)..]);
        }

        var main = tokens[0];
        if (!main.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new CorpusExpectation(text, List(main), [], false, overrides);
        }

        var colon = main.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new FormatException($"Expected 'supported?status:status' in '{text}'.");
        }

        return new CorpusExpectation(text, List(main[Prefix.Length..colon]), List(main[(colon + 1)..]), true, overrides);
    }

    /// <summary>The statuses allowed, given the name of the serializer that reads the request's Content-Type (null: none does).</summary>
    public IReadOnlyList<int> Allowed(string? readingSerializer)
    {
        if (readingSerializer is not null && BySerializer.TryGetValue(readingSerializer, out var statuses))
        {
            return statuses;
        }

        return !DependsOnContentType || readingSerializer is not null ? Statuses : UnsupportedStatuses;
    }

    private static int[] List(string text) =>
        [.. text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
}
