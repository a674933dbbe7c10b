using System.ComponentModel;

namespace Pulya.CompilerServices;

/// <summary>Converts text from a route value, query or header to a parameter's type without allocating (except for strings).</summary>
/// <typeparam name="T">The parameter's type.</typeparam>
/// <param name="text">The text to convert.</param>
/// <param name="value">The converted value, or the default when the text does not convert.</param>
/// <returns>Whether the text converted.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool SpanParser<T>(ReadOnlySpan<char> text, out T value);
