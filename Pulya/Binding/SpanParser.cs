namespace Pulya.Binding;

/// <summary>Converts text from a route value, query or header to a parameter's type without allocating (except for strings).</summary>
internal delegate bool SpanParser<T>(ReadOnlySpan<char> text, out T value);
