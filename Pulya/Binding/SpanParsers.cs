using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pulya.Binding;

/// <summary>
/// The conversions of route values, query values and headers: string, int, long, Guid, bool, double, decimal, enums,
/// and their nullable forms. Every endpoint binder (runtime-compiled or source-generated) uses these same parsers.
/// Not meant for application code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpanParsers
{
    /// <summary>The text as a string; never fails.</summary>
    public static readonly SpanParser<string> String = static (ReadOnlySpan<char> s, out string v) =>
    {
        v = s.ToString();
        return true;
    };

    /// <summary>A 32-bit integer, invariant culture, optional leading sign.</summary>
    public static readonly SpanParser<int> Int32 = static (ReadOnlySpan<char> s, out int v) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v);

    /// <summary>A 64-bit integer, invariant culture, optional leading sign.</summary>
    public static readonly SpanParser<long> Int64 = static (ReadOnlySpan<char> s, out long v) => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v);

    /// <summary>A GUID in any of the formats <see cref="System.Guid.TryParse(ReadOnlySpan{char}, out System.Guid)"/> accepts.</summary>
    public static readonly SpanParser<Guid> Guid = static (ReadOnlySpan<char> s, out Guid v) => System.Guid.TryParse(s, out v);

    /// <summary><c>true</c> or <c>false</c>, case-insensitive.</summary>
    public static readonly SpanParser<bool> Boolean = static (ReadOnlySpan<char> s, out bool v) => bool.TryParse(s, out v);

    /// <summary>A floating-point number, invariant culture.</summary>
    public static readonly SpanParser<double> Double = static (ReadOnlySpan<char> s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v);

    /// <summary>A decimal number, invariant culture.</summary>
    public static readonly SpanParser<decimal> Decimal = static (ReadOnlySpan<char> s, out decimal v) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out v);

    /// <summary>Whether <paramref name="type"/> (or its underlying type when nullable) can be converted from text.</summary>
    public static bool IsSupported(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = System.Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(Guid) || t == typeof(bool)
            || t == typeof(double) || t == typeof(decimal) || t.IsEnum;
    }

    /// <summary>The parser of an enum: member names only, case-insensitive (numeric text is refused so that an undefined value cannot slip in).</summary>
    public static SpanParser<T> Enum<T>()
        where T : struct, System.Enum => EnumParser<T>.Instance;

    /// <summary>The parser of <typeparamref name="T"/>? from the parser of <typeparamref name="T"/>.</summary>
    public static SpanParser<T?> Nullable<T>(SpanParser<T> inner)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(inner);
        return (ReadOnlySpan<char> s, out T? v) =>
        {
            var ok = inner(s, out var value);
            v = value;
            return ok;
        };
    }

    /// <summary>A parser for <paramref name="type"/>, which <see cref="IsSupported"/> accepts; a <see cref="SpanParser{T}"/> of that type.</summary>
    [RequiresDynamicCode(EndpointCompiler.DynamicCodeMessage)]
    [RequiresUnreferencedCode(EndpointCompiler.DynamicCodeMessage)]
    internal static Delegate For(Type type)
    {
        var underlying = System.Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return (Delegate)typeof(SpanParsers).GetMethod(nameof(Nullable))!.MakeGenericMethod(underlying).Invoke(null, [For(underlying)])!;
        }

        if (type.IsEnum)
        {
            return (Delegate)typeof(SpanParsers).GetMethod(nameof(Enum))!.MakeGenericMethod(type).Invoke(null, null)!;
        }

        return type switch
        {
            _ when type == typeof(string) => String,
            _ when type == typeof(int) => Int32,
            _ when type == typeof(long) => Int64,
            _ when type == typeof(Guid) => Guid,
            _ when type == typeof(bool) => Boolean,
            _ when type == typeof(double) => Double,
            _ => Decimal,
        };
    }

    private static class EnumParser<T>
        where T : struct, System.Enum
    {
        public static readonly SpanParser<T> Instance = static (ReadOnlySpan<char> s, out T v) =>
            !s.IsEmpty && !char.IsAsciiDigit(s[0]) && s[0] != '-' && System.Enum.TryParse(s, ignoreCase: true, out v) || Fail(out v);

        private static bool Fail(out T value)
        {
            value = default!;
            return false;
        }
    }
}
