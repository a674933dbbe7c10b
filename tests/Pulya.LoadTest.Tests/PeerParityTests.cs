using System.Text;
using Pulya.Tests.Shared.Http;

namespace Pulya.LoadTest.Tests;

/// <summary>
/// Every server the load tool compares answers every request of every scenario alike: the same status, Content-Type,
/// framing (Content-Length or chunked) and body bytes as the raw Kestrel peer. Each server runs as its own process on
/// 127.0.0.1, as in a load-test run; the Pulya sample runs under every profile of <c>bench/profiles</c>.
/// </summary>
public sealed class PeerParityTests(PeerParityTests.RawAnswers raw) : IClassFixture<PeerParityTests.RawAnswers>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Servers()
    {
        var data = new TheoryData<string> { ServerSpec.MinimalApi };
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "bench", "profiles"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task The_server_answers_every_scenario_as_raw_Kestrel_does(string server)
    {
        var minimalApi = server == ServerSpec.MinimalApi;
        var spec = minimalApi
            ? Local(ServerSpec.Peer(Root, server))
            : Local(ServerSpec.Profile(Root, Path.Combine(Root, "bench", "profiles", server + ".json")));

        var answers = await AnswersAsync(spec);

        Assert.Equal(raw.Answers.Count, answers.Count);
        var differences = raw.Answers.Zip(answers)
            .Where(p => p.First.Content != p.Second.Content || p.Second.Framing != ExpectedFraming(p.First, minimalApi))
            .Select(p => $"{p.First.Request}: raw {p.First.Summary}; {server} {p.Second.Summary}")
            .ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} of {answers.Count} answers differ:\n" + string.Join('\n', differences.Take(8)));
    }

    [Fact]
    public void The_scenarios_include_text_json_and_a_route_parameter()
    {
        var requests = Scenario.All(Root).Where(s => !s.GitHub).ToDictionary(s => s.Name, s => s.Requests.Single());

        Assert.Equal(("GET", "/plaintext"), requests["plaintext"]);
        Assert.Equal(("GET", "/json"), requests["json"]);
        Assert.Equal(("GET", "/users/5"), requests["user"]);
        Assert.Equal(new Answer("GET /plaintext", 200, "text/plain; charset=utf-8", "length 13", "Hello, World!"), raw.Answers.Single(a => a.Request == "GET /plaintext"));
        Assert.Equal(new Answer("GET /json", 200, "application/json; charset=utf-8", "length 27", """{"message":"Hello, World!"}"""), raw.Answers.Single(a => a.Request == "GET /json"));
        Assert.Equal(new Answer("GET /users/5", 200, "application/json; charset=utf-8", "length 24", """{"id":5,"name":"user 5"}"""), raw.Answers.Single(a => a.Request == "GET /users/5"));
    }

    /// <summary>
    /// The framing a server must use where raw Kestrel answers <paramref name="raw"/>: the same Content-Length, except
    /// where the framework frames by design otherwise. Pulya streams a serialized body longer than its response buffer
    /// (<c>Pulya:ResponseBufferSize</c>, 32 KiB by default) chunked; Minimal APIs write every string and JSON result
    /// chunked (only its byte results carry a Content-Length).
    /// </summary>
    private static string ExpectedFraming(Answer raw, bool minimalApi) =>
        (minimalApi && !raw.ContentType!.StartsWith("application/octet-stream", StringComparison.Ordinal)) || Encoding.UTF8.GetByteCount(raw.Body) > PulyaResponseBufferSize
            ? "chunked"
            : raw.Framing;

    /// <summary>The default of <c>Pulya:ResponseBufferSize</c>, which no profile changes.</summary>
    private const int PulyaResponseBufferSize = 32 * 1024;

    /// <summary>The repository root (where Pulya.sln is), above the test's own directory.</summary>
    internal static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(directory.FullName, "Pulya.sln")))
            {
                directory = directory.Parent ?? throw new InvalidOperationException("Pulya.sln was not found above the test directory.");
            }

            return directory.FullName;
        }
    }

    /// <summary>The configuration these tests were built in (Release or Debug); the project references build the servers in it too.</summary>
    private static string Configuration =>
        typeof(PeerParityTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;

    /// <summary>The server's assembly as built in the tests' configuration, not always the Release build the load tool starts.</summary>
    internal static ServerSpec Local(ServerSpec spec) =>
        spec with { ProgramPath = Path.Combine(spec.Project!, "bin", Configuration, "net10.0", Path.GetFileName(spec.ProgramPath)) };

    /// <summary>The answers to every request of every scenario, the sample's route set and then the GitHub set.</summary>
    private static async Task<List<Answer>> AnswersAsync(ServerSpec spec)
    {
        var answers = new List<Answer>();
        // The authenticated scenarios run against the servers with the /api group only (AuthenticatedScenarioTests).
        foreach (var group in Scenario.All(Root).Where(s => !s.Authenticated).GroupBy(s => s.GitHub).OrderBy(g => g.Key))
        {
            var (process, failure) = await spec.StartAsync(group.Key, group.Key ? group.First().Requests[0].Path : "/", Timeout);
            Assert.True(process is not null, $"{spec.Name}: {failure}");
            await using (process)
            {
                foreach (var scenario in group)
                {
                    foreach (var (method, path) in scenario.Requests)
                    {
                        answers.Add(await AskAsync(process.Port, method, path, scenario.Body));
                    }
                }
            }
        }

        return answers;
    }

    /// <summary>One request on its own connection (<c>Connection: close</c>, so the answer ends where the stream ends).</summary>
    private static async Task<Answer> AskAsync(int port, string method, string path, byte[]? body)
    {
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (body is not null)
        {
            head.Append("Content-Type: ").Append(Scenario.JsonContentType).Append("\r\nContent-Length: ").Append(body.Length).Append("\r\n");
        }

        var request = Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()).Concat(body ?? []).ToArray();
        using var connection = await RawHttpConnection.ConnectAsync(port, Timeout);
        await connection.SendAsync(request);
        return Answer.From($"{method} {path}", await connection.ReadToEndAsync());
    }

    /// <summary>What the load tool's comparison depends on: status, content type, framing (<c>length N</c> or <c>chunked</c>) and body (de-chunked).</summary>
    public sealed record Answer(string Request, int Status, string? ContentType, string Framing, string Body)
    {
        /// <summary>Everything but the framing.</summary>
        public (int, string?, string) Content => (Status, ContentType, Body);

        /// <summary>The answer in one line, the body cut at 80 characters.</summary>
        public string Summary => $"{Status} {ContentType} {Framing} body {(Body.Length > 80 ? Body[..80] + "…" : Body)}";

        /// <summary>The answer in <paramref name="response"/>, which must be one whole response framed by exactly one of Content-Length and chunked, up to an orderly close.</summary>
        public static Answer From(string request, RawResponse response)
        {
            Assert.True(response.Status != 0, $"{request}: no complete response head in {response.Raw.Length} bytes.");
            Assert.False(response.ConnectionReset, $"{request}: the connection was reset.");
            var chunked = response.Header("Transfer-Encoding") == "chunked";
            var length = response.Header("Content-Length");
            Assert.True(chunked != (length is not null), $"{request}: neither or both of Content-Length and chunked framing.");
            Assert.True(
                response.Complete && (chunked || response.Raw.Length == response.Head.Length + 4 + response.Body.Length),
                $"{request}: the body does not match its framing ({response.Raw.Length} bytes received).");
            return new Answer(request, response.Status, response.Header("Content-Type"), chunked ? "chunked" : $"length {length}", response.BodyText);
        }
    }

    /// <summary>The raw Kestrel peer's answers, collected once for every case.</summary>
    public sealed class RawAnswers : IAsyncLifetime
    {
        public IReadOnlyList<Answer> Answers { get; private set; } = [];

        public async Task InitializeAsync() => Answers = await AnswersAsync(Local(ServerSpec.Peer(Root, ServerSpec.RawKestrel)));

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
