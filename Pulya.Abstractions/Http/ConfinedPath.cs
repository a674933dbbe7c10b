using System.Buffers;

namespace Pulya.Http;

/// <summary>
/// Joins a folder and a path taken from a request the way ASP.NET Core's <c>PhysicalFileProvider</c> keeps it inside the
/// folder, stricter where a request value could mean something else on another platform: the path is refused when
/// it is empty or rooted (<c>/etc/hostname</c>, <c>//server/share</c>), holds a <c>..</c> segment, a backslash, a colon
/// (drive letters, alternate data streams), NUL or another control character, or when the joined full path is not
/// below the folder. Separators a client encoded (<c>%2F</c>) count as separators once decoded: the check runs on the
/// decoded value.
/// </summary>
internal static class ConfinedPath
{
    private static readonly SearchValues<char> Refused = SearchValues.Create(
        "\\:\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>The full path of <paramref name="relativePath"/> inside <paramref name="folder"/> (a full path without a trailing separator); null when refused.</summary>
    public static string? Resolve(string folder, string relativePath)
    {
        if (relativePath.Length == 0 || relativePath[0] == '/' || relativePath.AsSpan().ContainsAny(Refused) || Path.IsPathRooted(relativePath))
        {
            return null;
        }

        foreach (var segment in relativePath.AsSpan().Split('/'))
        {
            if (relativePath.AsSpan()[segment] is "..")
            {
                return null;
            }
        }

        var full = Path.GetFullPath(Path.Join(folder, relativePath));
        return full.Length > folder.Length + 1 && full.StartsWith(folder, StringComparison.Ordinal) && full[folder.Length] == Path.DirectorySeparatorChar
            ? full
            : null;
    }
}
