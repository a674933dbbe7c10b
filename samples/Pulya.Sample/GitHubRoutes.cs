using Pulya.Hosting;

namespace Pulya.Sample;

/// <summary>
/// The load tool's GitHub scenario: every template of the GitHub API route set (<c>tests/routes/github.routes</c>)
/// mapped to the same small JSON answer, so the router and not the handler is what differs between profiles. The
/// routes are literal <c>Map*</c> calls (<see cref="GitHubRouteMap"/>, written by <c>bench/generate-github-routes.sh</c>)
/// that the source generator intercepts, so both binders (<c>Pulya:Binder</c> <c>Compiled</c> and <c>Generated</c>) bind
/// the same calls. Switched on with <c>--Sample:GitHubRoutes=true</c>; the peers in <c>bench/</c> serve the same set.
/// </summary>
public static class GitHubRoutes
{
    /// <summary>The configuration key that selects this route set instead of <see cref="SampleApp.MapRoutes"/>.</summary>
    public const string ConfigurationKey = "Sample:GitHubRoutes";

    /// <summary>The route file the routes were written from (a copy in the application's base directory).</summary>
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "routes", "github.routes");

    /// <summary>Reads <c>METHOD /template</c> lines (blank lines and <c>#</c> comments skipped).</summary>
    public static IReadOnlyList<(string Method, string Template)> Read(string file)
    {
        var routes = new List<(string, string)>();
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                throw new FormatException($"Route line '{line}' in {file} is not 'METHOD /template'.");
            }

            routes.Add((line[..space], line[(space + 1)..].Trim()));
        }

        return routes;
    }

    /// <summary>Maps every route of the GitHub set to one small JSON handler.</summary>
    public static void Map(PulyaApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        GitHubRouteMap.Map(app);
    }
}
