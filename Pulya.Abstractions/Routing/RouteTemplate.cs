using System.Collections.ObjectModel;

namespace Pulya.Routing;

/// <summary>
/// A parsed and validated route template such as <c>/users/{id:int}/files/{*path}</c>.
/// Parsing and validation happen once, at registration; every router consumes this model.
/// </summary>
/// <remarks>
/// Syntax: the template starts with <c>/</c> and is split on <c>/</c>. Each segment is a literal
/// (matched ordinally, case-sensitively), a parameter <c>{name}</c> that matches one non-empty segment, optionally
/// with inline constraints as in ASP.NET Core (<c>{id:int}</c>, <c>{id:long:min(1)}</c>, <c>{code:regex(^[a-z]{{2}}$)}</c>;
/// see <see cref="RouteConstraint"/>), or a catch-all <c>{*name}</c> (last segment only) that matches
/// the rest of the path. A trailing slash is significant: <c>/a/</c> ends with an empty literal and
/// does not match <c>/a</c>. Empty segments anywhere else, mixed literal/parameter segments,
/// duplicate parameter names, unknown constraints and invalid constraint arguments are refused.
/// </remarks>
public sealed class RouteTemplate
{
    private RouteTemplate(string text, RouteSegment[] segments, string[] parameterNames)
    {
        Text = text;
        Segments = new ReadOnlyCollection<RouteSegment>(segments);
        ParameterNames = new ReadOnlyCollection<string>(parameterNames);
        HasCatchAll = segments.Length > 0 && segments[^1].Kind == RouteSegmentKind.CatchAll;
    }

    /// <summary>The template text as registered.</summary>
    public string Text { get; }

    /// <summary>The segments in path order; empty for the root template <c>/</c>.</summary>
    public IReadOnlyList<RouteSegment> Segments { get; }

    /// <summary>The names of the parameters in path order; the index of a name is the index of its value in a match.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Whether the template has no parameters, so it matches exactly one path: <see cref="Text"/>.</summary>
    public bool IsStatic => ParameterNames.Count == 0;

    /// <summary>Whether the last segment is a catch-all.</summary>
    public bool HasCatchAll { get; }

    /// <summary>Parses and validates a template.</summary>
    /// <exception cref="RouteTemplateException">The template is malformed; the message says why.</exception>
    public static RouteTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Length == 0 || template[0] != '/')
        {
            throw new RouteTemplateException(template, "it must start with '/'.");
        }

        if (template.Length == 1)
        {
            return new RouteTemplate(template, [], []);
        }

        var parts = template[1..].Split('/');
        var segments = new RouteSegment[parts.Length];
        var names = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var segment = ParseSegment(template, parts[i], isLast: i == parts.Length - 1);
            if (segment.IsParameter)
            {
                if (names.Contains(segment.Value, StringComparer.Ordinal))
                {
                    throw new RouteTemplateException(template, $"the parameter name '{segment.Value}' is used twice.");
                }

                names.Add(segment.Value);
            }

            segments[i] = segment;
        }

        return new RouteTemplate(template, segments, [.. names]);
    }

    /// <summary>Whether two templates accept exactly the same paths (same shape; parameter names are ignored).</summary>
    public bool HasSameShape(RouteTemplate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Segments.Count != other.Segments.Count)
        {
            return false;
        }

        for (var i = 0; i < Segments.Count; i++)
        {
            if (!Segments[i].HasSameShape(other.Segments[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static RouteSegment ParseSegment(string template, string part, bool isLast)
    {
        if (part.Length == 0)
        {
            if (isLast)
            {
                return new RouteSegment(RouteSegmentKind.Literal, string.Empty, RouteConstraint.None);
            }

            throw new RouteTemplateException(template, "it contains an empty segment ('//').");
        }

        if (!part.Contains('{', StringComparison.Ordinal) && !part.Contains('}', StringComparison.Ordinal))
        {
            return new RouteSegment(RouteSegmentKind.Literal, part, RouteConstraint.None);
        }

        var body = part.Length > 1 && part[0] == '{' && part[^1] == '}' ? Unescape(part[1..^1]) : null;
        if (body is null)
        {
            throw new RouteTemplateException(template, $"the segment '{part}' must be either a literal or exactly one parameter such as '{{name}}'.");
        }

        if (body.StartsWith('*'))
        {
            var catchAllName = body[1..];
            if (catchAllName.Contains(':', StringComparison.Ordinal))
            {
                throw new RouteTemplateException(template, $"the catch-all '{{{body}}}' cannot have a constraint.");
            }

            ValidateName(template, catchAllName);
            if (!isLast)
            {
                throw new RouteTemplateException(template, $"the catch-all '{{*{catchAllName}}}' must be the last segment.");
            }

            return new RouteSegment(RouteSegmentKind.CatchAll, catchAllName, RouteConstraint.None);
        }

        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? body : body[..colon];
        ValidateName(template, name);
        RouteConstraint constraint;
        try
        {
            constraint = colon < 0 ? RouteConstraint.None : RouteConstraint.Parse(body[(colon + 1)..]);
        }
        catch (FormatException e)
        {
            throw new RouteTemplateException(template, $"parameter '{name}': {e.Message}");
        }

        return new RouteSegment(RouteSegmentKind.Parameter, name, constraint);
    }

    /// <summary>The text between a parameter's braces with <c>{{</c> and <c>}}</c> undone; null when it holds a lone brace.</summary>
    private static string? Unescape(string text)
    {
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '{' or '}')
            {
                if (i + 1 == text.Length || text[i + 1] != c)
                {
                    return null;
                }

                i++;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static void ValidateName(string template, string name)
    {
        if (name.Length == 0)
        {
            throw new RouteTemplateException(template, "a parameter has no name.");
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                throw new RouteTemplateException(template, $"the parameter name '{name}' may only contain letters, digits and '_'.");
            }
        }
    }
}
