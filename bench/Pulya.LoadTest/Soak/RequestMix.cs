using System.Globalization;
using System.Text;

namespace Pulya.LoadTest.Soak;

/// <summary>
/// The requests of a soak: every route of the sample application (each with the status it must get), plus a flood of
/// distinct paths — unknown ones (404, never cached) and distinct matches of the dynamic routes (200, each a new route
/// cache entry, so the cache must evict to stay within its capacity).
/// </summary>
internal sealed class RequestMix(double floodShare)
{
    /// <summary>The sample's <c>/some/{id}/and/{another}/{i}/other</c> routes (<c>DynamicRouteCount</c>).</summary>
    private const int DynamicRouteCount = 100;

    private const string EchoBody = "{\"items\":[{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"e\":\"5\",\"f\":\"6\",\"g\":\"7\"}]}";

    private static readonly (string Name, int Status, Func<long, string> Request)[] Routes =
    [
        ("GET /", 200, _ => Get("/")),
        ("GET /wiring/{name}", 200, n => Get("/wiring/user" + (n % 50).ToString(CultureInfo.InvariantCulture), "X-Token: t\r\n")),
        ("GET /headers/", 200, _ => Get("/headers/", "X-Example: value\r\n")),
        ("GET /plain_response/", 200, _ => Get("/plain_response/")),
        ("GET /bytes/", 200, _ => Get("/bytes/")),
        ("GET /str/", 200, _ => Get("/str/")),
        ("POST /echo", 200, _ => $"POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {EchoBody.Length}\r\n\r\n{EchoBody}"),
        ("GET /some/{id}/and/{another}/{i}/other", 200, n => Get($"/some/a{n % 7}/and/b/{n % DynamicRouteCount}/other")),
        ("GET /last_route", 200, _ => Get("/last_route")),
        ("POST / (405)", 405, _ => "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"),
    ];

    private static readonly (string Name, int Status, Func<long, string> Request)[] Flood =
    [
        ("GET /unknown/{distinct} (404)", 404, n => Get($"/unknown/{n.ToString(CultureInfo.InvariantCulture)}/x{(n * 7919) % 1000003}")),
        ("GET /some/{distinct}/... (distinct match)", 200, n => Get($"/some/id{n.ToString(CultureInfo.InvariantCulture)}/and/z/{n % DynamicRouteCount}/other")),
    ];

    public static IEnumerable<string> Names => Routes.Concat(Flood).Select(r => r.Name);

    /// <summary>The <paramref name="sequence"/>-th request: its name, expected status and bytes.</summary>
    public (string Name, int Status, byte[] Bytes) Next(long sequence, Random random)
    {
        var flood = random.NextDouble() < floodShare;
        var (name, status, request) = flood ? Flood[random.Next(Flood.Length)] : Routes[random.Next(Routes.Length)];
        return (name, status, Encoding.ASCII.GetBytes(request(sequence)));
    }

    private static string Get(string path, string headers = "") => $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}\r\n";
}
