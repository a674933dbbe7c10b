using System.Globalization;
using Pulya.Routing;

namespace Pulya.Testing.Conformance.Routing;

/// <summary>Random route tables and request paths from a fixed seed, for oracle tests (the same seed gives the same cases).</summary>
public sealed class RandomRouteTables
{
    private static readonly string[] Literals = ["a", "b", "c", "1", "true", "users"];
    private static readonly string[] Parameters =
    [
        "", "", ":int", ":long", ":bool", ":guid", ":decimal", ":double", ":float", ":datetime", ":alpha", ":min(0)", ":max(10)",
        ":range(1,50)", ":length(1)", ":length(2,5)", ":minlength(2)", ":maxlength(3)", ":regex(^[a-c]+$)", ":regex(\\d{{2}})", ":int:min(1)",
    ];

    // Values on which ASP.NET Core's constraints and Pulya's agree (no group separators, whitespace or exponents).
    private static readonly string[] Values =
    [
        "a", "b", "c", "1", "42", "-7", "2147483648", "true", "False", "x%2Fy", "users", "", "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "1.5", "-0.25", "2024-01-31", "abc", "12", "aB",
    ];
    private static readonly string[] RestValues = ["", "a", "a/b", "1/", "x%2Fy/z"];
    private static readonly string[] Methods = ["GET", "POST", "DELETE"];

    private readonly Random _random;

    /// <summary>Creates the generator.</summary>
    public RandomRouteTables(int seed) => _random = new Random(seed);

    /// <summary>The methods requests are made with: the table's, plus one no route uses.</summary>
    public static IReadOnlyList<string> RequestMethods { get; } = [.. Methods, "PUT"];

    /// <summary>A table of up to <paramref name="maxRoutes"/> routes with no two routes of the same method and shape.</summary>
    public RouteTable NextTable(int maxRoutes)
    {
        var count = _random.Next(1, maxRoutes + 1);
        var routes = new List<(string Method, RouteTemplate Template)>();
        while (routes.Count < count)
        {
            var method = Methods[_random.Next(Methods.Length)];
            var template = RouteTemplate.Parse(NextTemplate());
            if (!routes.Any(r => r.Method == method && r.Template.HasSameShape(template)))
            {
                routes.Add((method, template));
            }
        }

        return new RouteTable(routes.Select(r => new RouteEntry(r.Method, r.Template)));
    }

    /// <summary>A path that matches <paramref name="table"/> more often than not, or random segments.</summary>
    public string NextPath(RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (_random.Next(5) == 0)
        {
            var segments = _random.Next(0, 5);
            return "/" + string.Join('/', Enumerable.Range(0, segments).Select(_ => Values[_random.Next(Values.Length)]));
        }

        var template = table.Routes[_random.Next(table.Routes.Count)].Template;
        var parts = new List<string>();
        foreach (var segment in template.Segments)
        {
            parts.Add(segment.Kind switch
            {
                RouteSegmentKind.Literal => _random.Next(8) == 0 ? Values[_random.Next(Values.Length)] : segment.Value,
                RouteSegmentKind.Parameter => Values[_random.Next(Values.Length)],
                _ => RestValues[_random.Next(RestValues.Length)],
            });
        }

        var path = "/" + string.Join('/', parts);
        return _random.Next(10) switch
        {
            0 => path + "/",
            1 => path.TrimEnd('/'),
            _ => path,
        };
    }

    private string NextTemplate()
    {
        if (_random.Next(15) == 0)
        {
            return "/";
        }

        var length = _random.Next(1, 5);
        var parts = new List<string>();
        for (var i = 0; i < length; i++)
        {
            var roll = _random.Next(10);
            if (i == length - 1 && roll == 0)
            {
                parts.Add("{*rest}");
            }
            else if (roll < 6)
            {
                parts.Add(Literals[_random.Next(Literals.Length)]);
            }
            else
            {
                parts.Add("{p" + i.ToString(CultureInfo.InvariantCulture) + Parameters[_random.Next(Parameters.Length)] + "}");
            }
        }

        var text = "/" + string.Join('/', parts);
        return _random.Next(8) == 0 && !text.EndsWith('}') ? text + "/" : text;
    }
}
