namespace Pulya.Http;

/// <summary>The content of a <see cref="Response.File"/> response: a file the result writer sends, with validators and ranges.</summary>
internal sealed class FileContent(string path)
{
    /// <summary>The file's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);
}
