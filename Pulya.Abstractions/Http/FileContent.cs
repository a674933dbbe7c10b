namespace Pulya.Http;

/// <summary>
/// The content of a <see cref="Response.File"/> or <see cref="Response.FileIn"/> response: a file the core's result
/// writer sends, with validators (<c>ETag</c>, <c>Last-Modified</c>) and ranges. Public so that hosts and modules can
/// recognise it; create it with <see cref="Response.File"/> or <see cref="Response.FileIn"/>.
/// </summary>
public sealed class FileContent
{
    /// <summary>A file at <paramref name="path"/> (made absolute), not confined to a folder.</summary>
    public FileContent(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>
    /// A file named by <paramref name="relativePath"/> inside <paramref name="folder"/>, or no file when the path would
    /// leave the folder (see <see cref="Response.FileIn"/>): then <see cref="Path"/> is empty and the response is a 404.
    /// </summary>
    public FileContent(string folder, string relativePath)
    {
        Folder = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));
        Path = ConfinedPath.Resolve(Folder, relativePath) ?? string.Empty;
    }

    /// <summary>The file's full path; empty when a confined path was refused.</summary>
    public string Path { get; }

    /// <summary>The full path of the folder the file must stay in (links included); null when the file is not confined.</summary>
    public string? Folder { get; }
}
