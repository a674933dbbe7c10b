namespace Pulya.Http;

/// <summary>
/// The content of a <see cref="Response.File"/> response: a file the core's result writer sends, with validators
/// (<c>ETag</c>, <c>Last-Modified</c>) and ranges. Public so that hosts and modules can recognise it; create it with
/// <see cref="Response.File"/>.
/// </summary>
/// <param name="path">The file's path (made absolute).</param>
public sealed class FileContent(string path)
{
    /// <summary>The file's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);
}
