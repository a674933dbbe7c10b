using Microsoft.Extensions.Primitives;

namespace Pulya.Http;

/// <summary>
/// A request's form: its fields (names compared case-insensitively, several values per name kept) and its files.
/// Handlers receive it by declaring a parameter of this type.
/// </summary>
public sealed class PulyaForm
{
    /// <summary>An empty form (no fields, no files).</summary>
    public static readonly PulyaForm Empty = new(new Dictionary<string, StringValues>(), []);

    private readonly Dictionary<string, StringValues> _fields;

    /// <summary>Creates a form from <paramref name="fields"/> and <paramref name="files"/>.</summary>
    public PulyaForm(IEnumerable<KeyValuePair<string, StringValues>> fields, IReadOnlyList<PulyaFile> files)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(files);
        _fields = new Dictionary<string, StringValues>(fields, StringComparer.OrdinalIgnoreCase);
        Files = files;
    }

    /// <summary>The fields by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, StringValues> Fields => _fields;

    /// <summary>The files, in the order they were sent.</summary>
    public IReadOnlyList<PulyaFile> Files { get; }

    /// <summary>The values of the field <paramref name="name"/>; empty when absent.</summary>
    public StringValues this[string name] => _fields.TryGetValue(name, out var values) ? values : StringValues.Empty;

    /// <summary>The first file sent under <paramref name="name"/> (case-insensitive), or null.</summary>
    public PulyaFile? GetFile(string name)
    {
        foreach (var file in Files)
        {
            if (string.Equals(file.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>Every file sent under <paramref name="name"/> (case-insensitive), in order.</summary>
    public IReadOnlyList<PulyaFile> GetFiles(string name) =>
        [.. Files.Where(file => string.Equals(file.Name, name, StringComparison.OrdinalIgnoreCase))];
}
