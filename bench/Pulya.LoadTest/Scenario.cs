using System.Text;

namespace Pulya.LoadTest;

/// <summary>
/// One kind of request the servers answer: a round-robin list of <c>METHOD /path</c>, an optional body, and request headers
/// sent with every request (<paramref name="Headers"/>; a scenario with an <c>Authorization</c> header runs only against
/// servers that serve the sample's authenticated <c>/api</c> group, <see cref="ServerSpec.Runs"/>).
/// </summary>
internal sealed record Scenario(string Name, string Description, bool GitHub, IReadOnlyList<(string Method, string Path)> Requests, byte[]? Body, IReadOnlyList<KeyValuePair<string, string>>? Headers = null)
{
    public const string JsonContentType = HttpRequestData.JsonContentType;

    /// <summary>The scenario on the sample's <c>/api</c> group with a bearer token (<see cref="ApiToken"/>).</summary>
    public const string ApiUser = "api-user";

    /// <summary>The requests as the load clients send them: each path with the scenario's headers and body, if any.</summary>
    public IReadOnlyList<HttpRequestData> HttpRequests => [.. Requests.Select(r => HttpRequestData.Json(r.Method, r.Path, Body) is var request && Headers is { Count: > 0 }
        ? request with { Headers = [.. Headers, .. request.Headers] }
        : request)];

    /// <summary>Whether the scenario needs the sample's authenticated <c>/api</c> group (it sends an <c>Authorization</c> header).</summary>
    public bool Authenticated => Headers?.Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) == true;

    public static IReadOnlyList<Scenario> All(string repositoryRoot) =>
    [
        new("root", "GET / (tiny JSON)", false, [("GET", "/")], null),
        new("last_route", "GET /last_route (behind 100 dynamic routes)", false, [("GET", "/last_route")], null),
        new("plaintext", "GET /plaintext (text/plain \"Hello, World!\")", false, [("GET", "/plaintext")], null),
        new("json", "GET /json (tiny JSON object, serialized per request)", false, [("GET", "/json")], null),
        new("user", "GET /users/{id:int} (one route parameter, small JSON object)", false, [("GET", "/users/5")], null),
        new("wiring", "GET /wiring/{name} (DI + headers)", false, [("GET", "/wiring/pulya")], null),
        new("echo1", "POST /echo, 1 item", false, [("POST", "/echo")], EchoBody(1)),
        new("echo10", "POST /echo, 10 items", false, [("POST", "/echo")], EchoBody(10)),
        new("echo1000", "POST /echo, 1000 items", false, [("POST", "/echo")], EchoBody(1000)),
        new("github", "GitHub API route set, every path round-robin", true, GitHubPaths(repositoryRoot), null),
        new(ApiUser, "GET /api/users/{id:int} with a bearer JWT (JwtBearer, an authorization policy, a fixed-window rate limiter; aspnetcore-auth against minimal-api-auth)", false,
            [("GET", "/api/users/5")], null, [new("Authorization", "Bearer " + ApiToken.Mint(repositoryRoot, DateTimeOffset.UtcNow))]),
    ];

    /// <summary>The body of <c>POST /echo</c> with <paramref name="items"/> items of seven short strings.</summary>
    public static byte[] EchoBody(int items)
    {
        var json = new StringBuilder("{\"items\":[");
        for (var i = 0; i < items; i++)
        {
            json.Append(i == 0 ? "{" : ",{");
            var first = true;
            foreach (var key in "abcdefg")
            {
                json.Append(first ? "" : ",").Append('"').Append(key).Append("\":\"").Append(key).Append('-').Append(i).Append('"');
                first = false;
            }

            json.Append('}');
        }

        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }

    /// <summary>The request paths of <c>tests/routes/github.paths</c> (METHOD, path, pattern; tab-separated).</summary>
    private static List<(string, string)> GitHubPaths(string root)
    {
        var file = Path.Combine(root, "tests", "routes", "github.paths");
        return [.. File.ReadLines(file)
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 2 && f[0].Length > 0 && f[0][0] != '#')
            .Select(f => (f[0], f[1]))];
    }
}
