using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Pulya.Binding;

namespace Pulya.CompilerServices;

/// <summary>
/// The conversions of route values, query values and headers, exact and independent of the server's culture: string,
/// the integer types, float, double, decimal, char, Guid, bool, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan,
/// enums, any type with a static <c>TryParse(string, IFormatProvider, out T)</c> (every <see cref="IParsable{TSelf}"/>),
/// and their nullable forms. Numbers take an optional leading <c>-</c> or <c>+</c>, digits, and (non-integers) one
/// decimal point and an exponent: no whitespace, group separators or trailing signs. Every endpoint binder
/// (runtime-compiled or source-generated) uses these same parsers. Not meant for application code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpanParsers
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;
    private const NumberStyles Real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>The text as a string; never fails.</summary>
    public static readonly SpanParser<string> String = static (ReadOnlySpan<char> s, out string v) =>
    {
        v = s.ToString();
        return true;
    };

    /// <summary>A 32-bit integer, invariant culture, optional leading sign.</summary>
    public static readonly SpanParser<int> Int32 = static (ReadOnlySpan<char> s, out int v) => int.TryParse(s, Integer, CultureInfo.InvariantCulture, out v);

    /// <summary>A 64-bit integer, invariant culture, optional leading sign.</summary>
    public static readonly SpanParser<long> Int64 = static (ReadOnlySpan<char> s, out long v) => long.TryParse(s, Integer, CultureInfo.InvariantCulture, out v);

    /// <summary>A 16-bit integer, invariant culture, optional leading sign.</summary>
    public static readonly SpanParser<short> Int16 = static (ReadOnlySpan<char> s, out short v) => short.TryParse(s, Integer, CultureInfo.InvariantCulture, out v);

    /// <summary>An 8-bit signed integer, invariant culture, optional leading sign.</summary>
    public static readonly SpanParser<sbyte> SByte = static (ReadOnlySpan<char> s, out sbyte v) => sbyte.TryParse(s, Integer, CultureInfo.InvariantCulture, out v);

    /// <summary>An 8-bit unsigned integer (0 to 255), invariant culture.</summary>
    public static readonly SpanParser<byte> Byte = static (ReadOnlySpan<char> s, out byte v) => byte.TryParse(s, Integer, CultureInfo.InvariantCulture, out v);

    /// <summary>A 16-bit unsigned integer, invariant culture.</summary>
    public static readonly SpanParser<ushort> UInt16 = static (ReadOnlySpan<char> s, out ushort v) => ushort.TryParse(s, Integer, CultureInfo.InvariantCulture, out v);

    /// <summary>A 32-bit unsigned integer, invariant culture.</summary>
    public static readonly SpanParser<uint> UInt32 = static (ReadOnlySpan<char> s, out uint v) => uint.TryParse(s, Integer, CultureInfo.InvariantCulture, out v);

    /// <summary>A 64-bit unsigned integer, invariant culture.</summary>
    public static readonly SpanParser<ulong> UInt64 = static (ReadOnlySpan<char> s, out ulong v) => ulong.TryParse(s, Integer, CultureInfo.InvariantCulture, out v);

    /// <summary>A GUID in any of the formats <see cref="System.Guid.TryParse(ReadOnlySpan{char}, out System.Guid)"/> accepts.</summary>
    public static readonly SpanParser<Guid> Guid = static (ReadOnlySpan<char> s, out Guid v) => System.Guid.TryParse(s, out v);

    /// <summary><c>true</c> or <c>false</c>, case-insensitive.</summary>
    public static readonly SpanParser<bool> Boolean = static (ReadOnlySpan<char> s, out bool v) => bool.TryParse(s, out v);

    /// <summary>A double-precision number, invariant culture: sign, digits, one <c>.</c>, exponent; no group separators or whitespace.</summary>
    public static readonly SpanParser<double> Double = static (ReadOnlySpan<char> s, out double v) => double.TryParse(s, Real, CultureInfo.InvariantCulture, out v);

    /// <summary>A single-precision number, as <see cref="Double"/>.</summary>
    public static readonly SpanParser<float> Single = static (ReadOnlySpan<char> s, out float v) => float.TryParse(s, Real, CultureInfo.InvariantCulture, out v);

    /// <summary>A decimal number, as <see cref="Double"/> (<c>1,5</c>, <c>5-</c> and <c>1 000</c> are refused).</summary>
    public static readonly SpanParser<decimal> Decimal = static (ReadOnlySpan<char> s, out decimal v) => decimal.TryParse(s, Real, CultureInfo.InvariantCulture, out v);

    /// <summary>Exactly one UTF-16 character.</summary>
    public static readonly SpanParser<char> Char = static (ReadOnlySpan<char> s, out char v) =>
    {
        v = s.Length == 1 ? s[0] : default;
        return s.Length == 1;
    };

    /// <summary>A date and time in invariant culture (ISO 8601 recommended); with an offset or <c>Z</c> it is converted to UTC, without it stays unspecified.</summary>
    public static readonly SpanParser<DateTime> DateTime = static (ReadOnlySpan<char> s, out DateTime v) =>
        System.DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out v);

    /// <summary>A date and time with offset in invariant culture (ISO 8601 recommended); without an offset it is taken as UTC, never as the server's zone.</summary>
    public static readonly SpanParser<DateTimeOffset> DateTimeOffset = static (ReadOnlySpan<char> s, out DateTimeOffset v) =>
        System.DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out v);

    /// <summary>A date in invariant culture, e.g. <c>2026-01-31</c>.</summary>
    public static readonly SpanParser<DateOnly> DateOnly = static (ReadOnlySpan<char> s, out DateOnly v) =>
        System.DateOnly.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out v);

    /// <summary>A time of day in invariant culture, e.g. <c>13:45</c> or <c>13:45:30.5</c>.</summary>
    public static readonly SpanParser<TimeOnly> TimeOnly = static (ReadOnlySpan<char> s, out TimeOnly v) =>
        System.TimeOnly.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out v);

    /// <summary>A time span in invariant culture, e.g. <c>01:30:00</c> or <c>2.01:30:00</c>.</summary>
    public static readonly SpanParser<TimeSpan> TimeSpan = static (ReadOnlySpan<char> s, out TimeSpan v) =>
        System.TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out v);

    // Plain dictionaries: read at start-up (Builtin) or once per enum value, they are not worth loading
    // System.Collections.Immutable (FrozenDictionary) into every application.
    private static readonly Dictionary<Type, Delegate> Builtin = new()
    {
        [typeof(string)] = String,
        [typeof(int)] = Int32,
        [typeof(long)] = Int64,
        [typeof(short)] = Int16,
        [typeof(sbyte)] = SByte,
        [typeof(byte)] = Byte,
        [typeof(ushort)] = UInt16,
        [typeof(uint)] = UInt32,
        [typeof(ulong)] = UInt64,
        [typeof(Guid)] = Guid,
        [typeof(bool)] = Boolean,
        [typeof(double)] = Double,
        [typeof(float)] = Single,
        [typeof(decimal)] = Decimal,
        [typeof(char)] = Char,
        [typeof(DateTime)] = DateTime,
        [typeof(DateTimeOffset)] = DateTimeOffset,
        [typeof(DateOnly)] = DateOnly,
        [typeof(TimeOnly)] = TimeOnly,
        [typeof(TimeSpan)] = TimeSpan,
    };

    /// <summary>Whether <paramref name="type"/> (or its underlying type when nullable) can be converted from text.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Parameter types of mapped handlers: a type whose TryParse or IParsable was trimmed away is not bindable from text, as it would not be without trimming.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "As above, for the underlying type of a nullable.")]
    public static bool IsSupported(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = System.Nullable.GetUnderlyingType(type) ?? type;
        return Builtin.ContainsKey(t) || t.IsEnum || IsParsable(t) || TryParseMethod(t) is not null;
    }
    /// <summary>
    /// The parser of an enum: a defined member name (case-insensitive) or the number of a defined member (digits with an
    /// optional leading <c>-</c>); for a <see cref="FlagsAttribute"/> enum also defined names joined by commas. Anything
    /// else (undefined numbers, <c>+3</c>, whitespace, combinations of a plain enum) is refused.
    /// </summary>
    public static SpanParser<T> Enum<T>()
        where T : struct, System.Enum => EnumParser<T>.Instance;

    /// <summary>The parser of a type implementing <see cref="IParsable{TSelf}"/>, called with the invariant culture.</summary>
    public static SpanParser<T> Parsable<T>()
        where T : IParsable<T> => static (ReadOnlySpan<char> s, out T v) => T.TryParse(s.ToString(), CultureInfo.InvariantCulture, out v!);

    /// <summary>The parser of a type with a public static <c>bool TryParse(string, IFormatProvider, out T)</c>, called with the invariant culture.</summary>
    /// <exception cref="InvalidOperationException">The type has no such method.</exception>
    public static SpanParser<T> WithTryParse<T>()
    {
        var method = TryParseMethod(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} has no static TryParse(string, IFormatProvider, out {typeof(T).Name}).");
        var tryParse = method.CreateDelegate<TryParseFunc<T>>();
        return (ReadOnlySpan<char> s, out T v) => tryParse(s.ToString(), CultureInfo.InvariantCulture, out v);
    }

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

        if (Builtin.TryGetValue(type, out var parser))
        {
            return parser;
        }

        var factory = IsParsable(type) ? nameof(Parsable) : nameof(WithTryParse);
        return (Delegate)typeof(SpanParsers).GetMethod(factory)!.MakeGenericMethod(type).Invoke(null, null)!;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Parameter types of mapped handlers: a type whose TryParse or IParsable was trimmed away is not bindable from text, as it would not be without trimming.")]
    private static bool IsParsable(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GetGenericArguments()[0] == type);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Parameter types of mapped handlers: a type whose TryParse or IParsable was trimmed away is not bindable from text, as it would not be without trimming.")]
    private static MethodInfo? TryParseMethod(Type type) =>
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]) is { } method
            && method.ReturnType == typeof(bool)
            ? method
            : null;

    private delegate bool TryParseFunc<T>(string text, IFormatProvider provider, out T value);

    private static class EnumParser<T>
        where T : struct, System.Enum
    {
        private static readonly bool IsFlags = typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false);

        private static readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> Names = BuildNames();

        public static readonly SpanParser<T> Instance = Parse;

        private static bool Parse(ReadOnlySpan<char> s, out T value)
        {
            value = default;
            if (IsNumber(s))
            {
                return System.Enum.TryParse(s, out value) && System.Enum.IsDefined(value);
            }

            if (Names.TryGetValue(s, out value))
            {
                return true;
            }

            // A [Flags] enum takes defined names joined by commas ("Read, Write"), as its ToString() writes them.
            if (!IsFlags || s.IndexOf(',') < 0)
            {
                return false;
            }

            foreach (var part in s.Split(','))
            {
                if (!Names.ContainsKey(s[part].TrimStart(' ')))
                {
                    return false;
                }
            }

            return System.Enum.TryParse(s, ignoreCase: true, out value);
        }

        private static bool IsNumber(ReadOnlySpan<char> s)
        {
            var digits = s.Length > 0 && s[0] == '-' ? s[1..] : s;
            return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
        }

        private static Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> BuildNames()
        {
            var names = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in System.Enum.GetNames<T>())
            {
                names.TryAdd(name, System.Enum.Parse<T>(name));
            }

            return names.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }
}
