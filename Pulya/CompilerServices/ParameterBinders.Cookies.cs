using Microsoft.Net.Http.Headers;
using Pulya.Http;

namespace Pulya.CompilerServices;

public static partial class ParameterBinders
{
    /// <summary>Converts the cookie <paramref name="name"/> (percent-decoded); absent: 400 when <paramref name="required"/>, else <paramref name="defaultValue"/>.</summary>
    public static T Cookie<T>(PulyaRequest request, string name, SpanParser<T> parser, bool required, T defaultValue)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parser);
        var text = CookieValue(request.Headers, name);
        if (text is null)
        {
            return required ? throw Missing("cookie", name) : defaultValue;
        }

        return parser(text, out var value) ? value : throw Invalid("cookie", name, typeof(T));
    }

    /// <summary>The first cookie named <paramref name="name"/> (case-sensitive) in the <c>Cookie</c> headers, unquoted and percent-decoded; null when absent.</summary>
    private static string? CookieValue(Headers headers, string name)
    {
        foreach (var header in headers.GetList(HeaderNames.Cookie))
        {
            var rest = (header ?? string.Empty).AsSpan();
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOf(';');
                var pair = (end < 0 ? rest : rest[..end]).Trim();
                rest = end < 0 ? default : rest[(end + 1)..];
                var equals = pair.IndexOf('=');
                if (equals > 0 && pair[..equals].TrimEnd().SequenceEqual(name))
                {
                    var value = pair[(equals + 1)..].TrimStart();
                    if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                    {
                        value = value[1..^1];
                    }

                    return Uri.UnescapeDataString(value.ToString());
                }
            }
        }

        return null;
    }
}
