using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Pulya.Generators.Model;

/// <summary>A source location that compares by value (a <see cref="Location"/> holds its syntax tree).</summary>
internal sealed record LocationInfo(string Path, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo From(Location location) => new(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(Path, Span, LineSpan);
}
