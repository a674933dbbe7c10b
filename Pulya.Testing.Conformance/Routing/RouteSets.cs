using Pulya.Routing;

namespace Pulya.Testing.Conformance.Routing;

/// <summary>The public route sets of <c>tests/routes/</c> (copied to the output folder <c>routes/</c>).</summary>
public static class RouteSets
{
    /// <summary>
    /// The sets every router must pass, all of them: <c>github-full</c> lists catch-alls before the static routes they
    /// cover (<c>/git/refs/{*ref}</c> before <c>/git/refs</c>), which only precedence, not registration order, resolves.
    /// </summary>
    public static readonly IReadOnlyList<string> Names = ["static", "github", "github-full", "gplus", "parse"];

    /// <summary>The folder holding the <c>*.routes</c> and <c>*.paths</c> files.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "routes");

    /// <summary>The routes of a set as (method, template), in file order.</summary>
    public static IReadOnlyList<(string Method, string Template)> Routes(string name) =>
        [.. File.ReadLines(Path.Combine(Folder, name + ".routes"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0], p[1]))];

    /// <summary>The sample requests of a set: method, path and the template it must match.</summary>
    public static IReadOnlyList<(string Method, string Path, string Template)> Paths(string name) =>
        [.. File.ReadLines(Path.Combine(Folder, name + ".paths"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1], p[2]))];

    /// <summary>
    /// Builds a table of the set as the core does: every GET route also answers HEAD (an implicit entry right after it).
    /// </summary>
    public static RouteTable Table(string name) => BuildTable(Routes(name));

    /// <summary>Builds a table from (method, template) pairs, adding the core's implicit HEAD entry after each GET.</summary>
    public static RouteTable BuildTable(IEnumerable<(string Method, string Template)> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var entries = new List<RouteEntry>();
        var list = routes.ToList();
        foreach (var (method, text) in list)
        {
            var template = RouteTemplate.Parse(text);
            entries.Add(new RouteEntry(method, template));
            if (method == "GET" && !list.Any(r => r.Method == "HEAD" && RouteTemplate.Parse(r.Template).HasSameShape(template)))
            {
                entries.Add(new RouteEntry("HEAD", template));
            }
        }

        return new RouteTable(entries);
    }
}
