using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pulya.Routing;

/// <summary>
/// One parsed inline constraint (<c>int</c>, <c>min(1)</c>, <c>regex(^[a-z]+$)</c>): its kind, its argument as written and
/// the values parsed from the argument once, at start-up. Numbers are read in the invariant culture with the same rules
/// as the endpoint binders (optional leading sign, digits, one decimal point and an exponent for non-integers; no group
/// separators or whitespace), so a value a typed constraint accepts always binds to that type.
/// </summary>
internal sealed class RouteConstraintRule
{
    /// <summary>How long a <c>regex</c> constraint may take on one segment; a segment that takes longer does not match.</summary>
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;
    private const NumberStyles Real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private const string Expected =
        "int, long, guid, bool, decimal, double, float, datetime, alpha, min(n), max(n), range(min,max), length(n), " +
        "length(min,max), minlength(n), maxlength(n) or regex(pattern)";

    private readonly long _low;
    private readonly long _high;
    private readonly RegexConstraint? _regex;

    private RouteConstraintRule(RouteConstraintKind kind, string? argument, long low, long high, RegexConstraint? regex)
    {
        Kind = kind;
        Argument = argument;
        _low = low;
        _high = high;
        _regex = regex;
    }

    public RouteConstraintKind Kind { get; }

    /// <summary>The text between the parentheses, or null for a constraint without an argument.</summary>
    public string? Argument { get; }

    /// <summary>The constraint as written in a template, with its name in lower case: <c>min(1)</c>.</summary>
    public string Text => Argument is null ? Name(Kind) : Name(Kind) + "(" + Argument + ")";

    /// <summary>Parses one constraint; <paramref name="argument"/> is null when the name had no parentheses.</summary>
    /// <exception cref="FormatException">Unknown name, missing or extra argument, or an argument out of range; the message says which.</exception>
    public static RouteConstraintRule Parse(string name, string? argument)
    {
        var kind = name.ToLowerInvariant() switch
        {
            "int" => RouteConstraintKind.Int,
            "long" => RouteConstraintKind.Long,
            "guid" => RouteConstraintKind.Guid,
            "bool" => RouteConstraintKind.Bool,
            "decimal" => RouteConstraintKind.Decimal,
            "double" => RouteConstraintKind.Double,
            "float" => RouteConstraintKind.Float,
            "datetime" => RouteConstraintKind.DateTime,
            "alpha" => RouteConstraintKind.Alpha,
            "min" => RouteConstraintKind.Min,
            "max" => RouteConstraintKind.Max,
            "range" => RouteConstraintKind.Range,
            "length" => RouteConstraintKind.Length,
            "minlength" => RouteConstraintKind.MinLength,
            "maxlength" => RouteConstraintKind.MaxLength,
            "regex" => RouteConstraintKind.Regex,
            _ => throw new FormatException($"unknown constraint '{name}' (expected {Expected})."),
        };
        if (kind < RouteConstraintKind.Min)
        {
            return argument is null ? new RouteConstraintRule(kind, null, 0, 0, null)
                : throw new FormatException($"the constraint '{Name(kind)}' takes no argument, but has '({argument})'.");
        }

        if (argument is null)
        {
            throw new FormatException($"the constraint '{Name(kind)}' needs an argument, e.g. '{Example(kind)}'.");
        }

        return kind switch
        {
            RouteConstraintKind.Min => new RouteConstraintRule(kind, argument, Number(kind, argument), long.MaxValue, null),
            RouteConstraintKind.Max => new RouteConstraintRule(kind, argument, long.MinValue, Number(kind, argument), null),
            RouteConstraintKind.Range => Bounds(kind, argument, Number),
            RouteConstraintKind.Length when !argument.Contains(',', StringComparison.Ordinal) =>
                new RouteConstraintRule(kind, argument, Length(kind, argument), Length(kind, argument), null),
            RouteConstraintKind.Length => Bounds(kind, argument, Length),
            RouteConstraintKind.MinLength => new RouteConstraintRule(kind, argument, Length(kind, argument), int.MaxValue, null),
            RouteConstraintKind.MaxLength => new RouteConstraintRule(kind, argument, 0, Length(kind, argument), null),
            _ => new RouteConstraintRule(kind, argument, 0, 0, RouteFeatures.IsRegexConstraintSupported ? new RegexConstraint(argument) : throw RegexSwitchedOff(argument)),
        };
    }

    /// <summary>Whether <paramref name="segment"/> satisfies this constraint; never throws.</summary>
    public bool IsMatch(ReadOnlySpan<char> segment)
    {
        long number;
        switch (Kind)
        {
            case RouteConstraintKind.Int:
                return int.TryParse(segment, Integer, CultureInfo.InvariantCulture, out _);
            case RouteConstraintKind.Long:
                return long.TryParse(segment, Integer, CultureInfo.InvariantCulture, out _);
            case RouteConstraintKind.Guid:
                return System.Guid.TryParse(segment, out _);
            case RouteConstraintKind.Bool:
                return bool.TryParse(segment, out _);
            case RouteConstraintKind.Decimal:
                return decimal.TryParse(segment, Real, CultureInfo.InvariantCulture, out _);
            case RouteConstraintKind.Double:
                return double.TryParse(segment, Real, CultureInfo.InvariantCulture, out _);
            case RouteConstraintKind.Float:
                return float.TryParse(segment, Real, CultureInfo.InvariantCulture, out _);
            case RouteConstraintKind.DateTime:
                return System.DateTime.TryParse(segment, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            case RouteConstraintKind.Alpha:
                foreach (var c in segment)
                {
                    if (!char.IsAsciiLetter(c))
                    {
                        return false;
                    }
                }

                return true;
            case RouteConstraintKind.Min or RouteConstraintKind.Max or RouteConstraintKind.Range:
                return long.TryParse(segment, Integer, CultureInfo.InvariantCulture, out number) && number >= _low && number <= _high;
            case RouteConstraintKind.Length or RouteConstraintKind.MinLength or RouteConstraintKind.MaxLength:
                return segment.Length >= _low && segment.Length <= _high;
            default:
                // The switch's test keeps the regular-expression library out of a trimmed application that turned it off.
                return RouteFeatures.IsRegexConstraintSupported && _regex!.IsMatch(segment);
        }
    }

    private static string Name(RouteConstraintKind kind) => kind.ToString().ToLowerInvariant();

    private static string Example(RouteConstraintKind kind) => kind switch
    {
        RouteConstraintKind.Range => "range(1,100)",
        RouteConstraintKind.Length => "length(8) or length(1,20)",
        RouteConstraintKind.Regex => "regex(^[a-z]+$)",
        _ => Name(kind) + "(1)",
    };

    private static long Number(RouteConstraintKind kind, string text) =>
        long.TryParse(text, Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new FormatException($"the argument of '{Name(kind)}({text})' must be a whole number, e.g. '{Example(kind)}'.");

    private static long Length(RouteConstraintKind kind, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
            : throw new FormatException($"the argument of '{Name(kind)}({text})' must be a length (a whole number from 0), e.g. '{Example(kind)}'.");

    // Reached only in an application that set the switch to false (the Native AOT trio does; see RouteFeatures).
    [ExcludeFromCodeCoverage]
    private static FormatException RegexSwitchedOff(string argument) =>
        new($"the constraint 'regex({argument})' is switched off in this application ({RouteFeatures.RegexConstraintSwitch}=false).");

    private static RouteConstraintRule Bounds(RouteConstraintKind kind, string argument, Func<RouteConstraintKind, string, long> parse)
    {
        var comma = argument.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            throw new FormatException($"the constraint '{Name(kind)}({argument})' needs two arguments, e.g. '{Example(kind)}'.");
        }

        var low = parse(kind, argument[..comma]);
        var high = parse(kind, argument[(comma + 1)..]);
        return low <= high ? new RouteConstraintRule(kind, argument, low, high, null)
            : throw new FormatException($"the constraint '{Name(kind)}({argument})' has its minimum above its maximum.");
    }

    /// <summary>
    /// A <c>regex</c> constraint's compiled pattern, in a type of its own so that the regular-expression library is loaded
    /// only by applications whose templates use one (it is not small, and most never do).
    /// </summary>
    private sealed class RegexConstraint
    {
        private readonly Regex _regex;

        public RegexConstraint(string pattern)
        {
            try
            {
                // ASP.NET Core's options: the pattern is not anchored for you, letters match in either case.
                _regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, RegexTimeout);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"the pattern of 'regex({pattern})' is not a valid regular expression: {e.Message}", e);
            }
        }

        public bool IsMatch(ReadOnlySpan<char> segment)
        {
            try
            {
                return _regex.IsMatch(segment);
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern that backtracks for too long on a client's segment must not hold the request: no match.
                return false;
            }
        }
    }
}
