namespace Pulya.Results;

/// <summary>
/// The symbolic-link half of <c>Response.FileIn</c>'s confinement: the path was already checked as text; here every
/// existing link on the way from the folder to the file (folders, then the file) must resolve inside the folder (or
/// inside the folder's own target, when the folder is a link). A few metadata reads per request, no file opened.
/// </summary>
internal static class FileLinks
{
    /// <summary>True when no link between <paramref name="folder"/> and <paramref name="path"/> (below it) leads outside the folder.</summary>
    public static bool StayInside(string folder, string path)
    {
        try
        {
            var realFolder = Directory.ResolveLinkTarget(folder, returnFinalTarget: true)?.FullName ?? folder;
            for (var end = path.IndexOf(Path.DirectorySeparatorChar, folder.Length + 1); ; end = path.IndexOf(Path.DirectorySeparatorChar, end + 1))
            {
                var step = end < 0 ? path : path[..end];
                if (new FileInfo(step).LinkTarget is not null
                    && File.ResolveLinkTarget(step, returnFinalTarget: true)!.FullName is var target
                    && !Inside(target, folder) && !Inside(target, realFolder))
                {
                    return false;
                }

                if (end < 0)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            // A link cycle ("too many levels of symbolic links"): refused.
            return false;
        }
    }

    private static bool Inside(string path, string folder) =>
        path.Length > folder.Length + 1 && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == Path.DirectorySeparatorChar;
}
