using System.Globalization;

namespace Pulya.Binding;

/// <summary>The conversions of route values, query values and headers: string, int, long, Guid, bool, double, decimal, enums, and their nullable forms.</summary>
internal static class SpanParsers
{
    /// <summary>Whether <paramref name="type"/> (or its underlying type when nullable) can be converted from text.</summary>
    public static bool IsSupported(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(Guid) || t == typeof(bool)
            || t == typeof(double) || t == typeof(decimal) || t.IsEnum;
    }

    /// <summary>A parser for <paramref name="type"/>, which <see cref="IsSupported"/> accepts.</summary>
    public static Delegate For(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            var inner = For(underlying);
            return (Delegate)typeof(SpanParsers).GetMethod(nameof(NullableOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(underlying).Invoke(null, [inner])!;
        }

        if (type.IsEnum)
        {
            return (Delegate)typeof(SpanParsers).GetMethod(nameof(EnumOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type).Invoke(null, null)!;
        }

        return type switch
        {
            _ when type == typeof(string) => new SpanParser<string>(static (ReadOnlySpan<char> s, out string v) => { v = s.ToString(); return true; }),
            _ when type == typeof(int) => new SpanParser<int>(static (ReadOnlySpan<char> s, out int v) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v)),
            _ when type == typeof(long) => new SpanParser<long>(static (ReadOnlySpan<char> s, out long v) => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v)),
            _ when type == typeof(Guid) => new SpanParser<Guid>(static (ReadOnlySpan<char> s, out Guid v) => Guid.TryParse(s, out v)),
            _ when type == typeof(bool) => new SpanParser<bool>(static (ReadOnlySpan<char> s, out bool v) => bool.TryParse(s, out v)),
            _ when type == typeof(double) => new SpanParser<double>(static (ReadOnlySpan<char> s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v)),
            _ => new SpanParser<decimal>(static (ReadOnlySpan<char> s, out decimal v) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out v)),
        };
    }

    private static SpanParser<T?> NullableOf<T>(SpanParser<T> inner)
        where T : struct =>
        (ReadOnlySpan<char> s, out T? v) =>
        {
            var ok = inner(s, out var value);
            v = value;
            return ok;
        };

    // Names only (case-insensitive): numeric text is refused so that an undefined value cannot slip in.
    private static SpanParser<T> EnumOf<T>()
        where T : struct, System.Enum =>
        static (ReadOnlySpan<char> s, out T v) => !s.IsEmpty && !char.IsAsciiDigit(s[0]) && s[0] != '-' && System.Enum.TryParse(s, ignoreCase: true, out v) || Fail(out v);

    private static bool Fail<T>(out T value)
    {
        value = default!;
        return false;
    }
}
