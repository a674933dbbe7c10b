namespace Pulya.Reliability.Tests.Corpus;

/// <summary>
/// The statuses a case may get: <c>400</c>; alternatives the server's own limits decide between (<c>431|400</c>); or
/// <c>supported?400:415</c>: 400 when a registered serializer reads the request's Content-Type (so the body reaches
/// it and is rejected as malformed), else 415. That keeps MessagePack cases meaningful whether or not the module is registered.
/// </summary>
public sealed record CorpusExpectation(string Text, IReadOnlyList<int> Statuses, IReadOnlyList<int> UnsupportedStatuses, bool DependsOnContentType)
{
    public static CorpusExpectation Parse(string text)
    {
        const string Prefix = "supported?";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new CorpusExpectation(text, List(text), [], false);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new FormatException($"Expected 'supported?status:status' in '{text}'.");
        }

        return new CorpusExpectation(text, List(text[Prefix.Length..colon]), List(text[(colon + 1)..]), true);
    }

    /// <summary>The statuses allowed, given whether a registered serializer reads the request's Content-Type.</summary>
    public IReadOnlyList<int> Allowed(bool contentTypeSupported) =>
        !DependsOnContentType || contentTypeSupported ? Statuses : UnsupportedStatuses;

    private static int[] List(string text) =>
        [.. text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
}
