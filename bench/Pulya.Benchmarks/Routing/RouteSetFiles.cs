using System.Globalization;
using Pulya.Routing;

namespace Pulya.Benchmarks.Routing;

/// <summary>Reads the route sets of <c>tests/routes/</c> (found by walking up from the benchmark's folder) and generates tables.</summary>
internal static class RouteSetFiles
{
    private static readonly Lazy<string> RoutesFolder = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "routes");
            if (File.Exists(Path.Combine(candidate, "github.routes")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/routes not found above " + AppContext.BaseDirectory);
    });

    public static IReadOnlyList<(string Method, string Template)> Routes(string set) =>
        [.. File.ReadLines(Path.Combine(RoutesFolder.Value, set + ".routes")).Where(l => l.Length > 0).Select(l => l.Split(' ', 2)).Select(p => (p[0], p[1]))];

    public static (string Method, string Path)[] Paths(string set) =>
        [.. File.ReadLines(Path.Combine(RoutesFolder.Value, set + ".paths")).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => (p[0], p[1]))];

    /// <summary><paramref name="count"/> generated routes, all dynamic: <c>GET /r{i}/items/{id:int}/detail</c>.</summary>
    public static IReadOnlyList<(string Method, string Template)> Generated(int count) =>
        [.. Enumerable.Range(0, count).Select(i => ("GET", "/r" + i.ToString(CultureInfo.InvariantCulture) + "/items/{id:int}/detail"))];

    /// <summary>A table as the core builds it: a GET route also answers HEAD.</summary>
    public static RouteTable Table(IEnumerable<(string Method, string Template)> routes)
    {
        var entries = new List<RouteEntry>();
        foreach (var (method, text) in routes)
        {
            var template = RouteTemplate.Parse(text);
            entries.Add(new RouteEntry(method, template));
            if (method == "GET")
            {
                entries.Add(new RouteEntry("HEAD", template));
            }
        }

        return new RouteTable(entries);
    }
}
