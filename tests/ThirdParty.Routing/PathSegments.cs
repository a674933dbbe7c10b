namespace ThirdParty.Routing;

/// <summary>The segments of a request path that starts with '/': the text between slashes, empty ones included.</summary>
internal static class PathSegments
{
    /// <summary>The ranges of the segments of <paramref name="path"/> ("/" is one empty segment, "/a/" is "a" and "").</summary>
    public static Range[] Split(string path)
    {
        var count = 1;
        for (var i = 1; i < path.Length; i++)
        {
            if (path[i] == '/')
            {
                count++;
            }
        }

        var segments = new Range[count];
        var start = 1;
        for (var i = 0; i < count; i++)
        {
            var slash = path.IndexOf('/', start);
            var end = slash < 0 ? path.Length : slash;
            segments[i] = new Range(start, end);
            start = end + 1;
        }

        return segments;
    }
}
