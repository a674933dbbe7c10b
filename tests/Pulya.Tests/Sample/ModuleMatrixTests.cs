using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;
using Pulya.Sample;
using Pulya.Serialization;
using Pulya.Testing;

namespace Pulya.Tests.Sample;

/// <summary>
/// Every combination of the modules that could change bytes on the wire (default serializer × router × route cache ×
/// pooling: 24 applications), over real Kestrel sockets, answers a set of representative requests exactly as the
/// baseline does: same status, content type, <c>Allow</c> and body. Requests whose answer is written in the default
/// format are compared with the baseline of the same default format; the others with the one baseline. The full suites
/// run every case on both transports under the default modules; this matrix keeps the cost of the combinations down.
/// </summary>
public sealed class ModuleMatrixTests(ModuleMatrixTests.Baselines baselines) : IClassFixture<ModuleMatrixTests.Baselines>
{
    private const string EchoJson = "{\"items\":[{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"e\":\"Zoë 😀\",\"f\":null,\"g\":\"\\\"q\\\"\"}]}";

    public static readonly string[] Serializers = ["SystemTextJson", "NewtonsoftJson", "MessagePack"];

    public static TheoryData<string, string, bool, bool> Combinations()
    {
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var serializer in Serializers)
        {
            foreach (var router in new[] { "Linear", "Trie" })
            {
                foreach (var cache in new[] { false, true })
                {
                    foreach (var pooling in new[] { false, true })
                    {
                        data.Add(serializer, router, cache, pooling);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Every_module_combination_answers_as_the_baseline(string serializer, string router, bool cache, bool pooling)
    {
        await using var server = await StartAsync(TestTransport.Kestrel, serializer, router, cache, pooling);

        var answers = await Representative.AnswerAllAsync(server, baselines.MessagePackEcho);

        var expected = serializer == "MessagePack" ? baselines.MessagePackDefault : baselines.JsonDefault;
        Assert.Equal(expected.Count, answers.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            Assert.Equal(expected[i], answers[i]);
        }
    }

    [Fact]
    public void The_two_baselines_differ_only_where_the_default_format_decides()
    {
        for (var i = 0; i < Representative.Requests.Count; i++)
        {
            if (!Representative.Requests[i].InDefaultFormat)
            {
                Assert.Equal(baselines.JsonDefault[i], baselines.MessagePackDefault[i]);
            }
        }

        Assert.NotEqual(baselines.JsonDefault[0], baselines.MessagePackDefault[0]);
    }

    internal static async Task<PulyaTestClient> StartAsync(TestTransport transport, string serializer, string router, bool cache, bool pooling)
    {
        var builder = PulyaApplication.CreateBuilder(
        [
            $"--Pulya:Serializer={serializer}", $"--Pulya:Router={router}", $"--Pulya:RouteCache:Enabled={cache}",
            $"--Pulya:Pooling:Enabled={pooling}", "--Pulya:MaxRequestBodySize=4096", "--Logging:LogLevel:Default=None",
        ]).UseTestTransport(transport);
        SampleApp.ConfigureServices(builder);
        var app = builder.Build();
        SampleApp.MapRoutes(app);
        return await PulyaTestClient.StartAsync(app);
    }

    /// <summary>The baseline (Linear, no cache, no pooling) with a JSON default and with the MessagePack default, on Kestrel.</summary>
    public sealed class Baselines : IAsyncLifetime
    {
        public IReadOnlyList<Answer> JsonDefault { get; private set; } = [];

        public IReadOnlyList<Answer> MessagePackDefault { get; private set; } = [];

        public byte[] MessagePackEcho { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await using (var json = await StartAsync(TestTransport.Kestrel, "SystemTextJson", "Linear", false, false))
            {
                var messagePack = json.Application.Services.GetRequiredKeyedService<IPulyaSerializer>("MessagePack");
                var body = (EchoBody)json.Application.Services.GetRequiredKeyedService<IPulyaSerializer>("SystemTextJson")
                    .Deserialize(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(EchoJson)), typeof(EchoBody))!;
                var buffer = new ArrayBufferWriter<byte>();
                messagePack.Serialize(buffer, body, typeof(EchoBody));
                MessagePackEcho = buffer.WrittenSpan.ToArray();
                JsonDefault = await Representative.AnswerAllAsync(json, MessagePackEcho);
            }

            await using var pack = await StartAsync(TestTransport.Kestrel, "MessagePack", "Linear", false, false);
            MessagePackDefault = await Representative.AnswerAllAsync(pack, MessagePackEcho);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>What a client sees of one response.</summary>
    public sealed record Answer(string Request, int Status, string? ContentType, string Allow, string BodyBase64);

    /// <summary>
    /// A representative request; <see cref="InDefaultFormat"/> when the answer is serialized in the default format;
    /// <see cref="StatusOnly"/> for a malformed body, whose 400 message names the problem in the reading serializer's words.
    /// </summary>
    internal sealed record Representative(string Name, Func<byte[], HttpRequestMessage> Create, bool InDefaultFormat, bool StatusOnly = false)
    {
        public static readonly IReadOnlyList<Representative> Requests =
        [
            new("GET / (default format)", _ => Get("/"), true),
            new("GET / Accept json", _ => Get("/", "application/json"), false),
            new("GET / Accept msgpack", _ => Get("/", "application/msgpack"), false),
            new("GET dynamic route Accept json", _ => Get("/some/ä b/and/😀/42/other", "application/json"), false),
            new("GET dynamic route (default format)", _ => Get("/some/x/and/y/99/other"), true),
            new("GET /last_route Accept msgpack", _ => Get("/last_route", "application/msgpack"), false),
            new("GET /headers/ with X-Example", _ => Get("/headers/", "application/json", ("X-Example", "v 1")), false),
            new("GET /str/", _ => Get("/str/"), false),
            new("GET /bytes/", _ => Get("/bytes/"), false),
            new("HEAD /str/", _ => new HttpRequestMessage(HttpMethod.Head, "/str/"), false),
            new("HEAD / Accept json", _ => Get("/", "application/json", method: HttpMethod.Head), false),
            new("POST /echo json", _ => Post("application/json", Encoding.UTF8.GetBytes(EchoJson), "application/json"), false),
            new("POST /echo msgpack", pack => Post("application/msgpack", pack, "application/msgpack"), false),
            new("POST /echo msgpack, answer in json", pack => Post("application/msgpack", pack, "application/json"), false),
            new("POST /echo Accept nothing acceptable", _ => Post("application/json", Encoding.UTF8.GetBytes(EchoJson), "text/csv"), false),
            new("POST /echo unsupported content type", _ => Post("text/csv", "a,b"u8.ToArray(), "application/json"), false),
            new("POST /echo too large", _ => Post("application/json", Encoding.UTF8.GetBytes("\"" + new string('x', 5000) + "\""), "application/json"), false),
            new("POST /echo truncated json", _ => Post("application/json", "{\"items\":[{\"a\":\"1\""u8.ToArray(), "application/json"), false, StatusOnly: true),
            new("POST /echo duplicate property", _ => Post("application/json", "{\"items\":[],\"items\":[]}"u8.ToArray(), "application/json"), false, StatusOnly: true),
            new("POST /echo number for string", _ => Post("application/json", "{\"items\":[{\"a\":5}]}"u8.ToArray(), "application/json"), false, StatusOnly: true),
            new("POST /echo lone surrogate", _ => Post("application/json", "{\"items\":[{\"a\":\"\\ud800\"}]}"u8.ToArray(), "application/json"), false, StatusOnly: true),
            new("GET unknown path", _ => Get("/no/such/path"), false),
            new("DELETE / (405)", _ => new HttpRequestMessage(HttpMethod.Delete, "/"), false),
            new("GET /wiring/ann Host fixed", _ => Get("/wiring/ann", "application/json", ("Host", "localhost")), false),
        ];

        public static async Task<IReadOnlyList<Answer>> AnswerAllAsync(PulyaTestClient server, byte[] messagePackEcho)
        {
            var answers = new List<Answer>();
            foreach (var representative in Requests)
            {
                using var request = representative.Create(messagePackEcho);
                using var response = await server.Client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                answers.Add(new Answer(
                    representative.Name,
                    (int)response.StatusCode,
                    response.Content.Headers.ContentType?.ToString(),
                    string.Join(", ", response.Content.Headers.Allow),
                    representative.StatusOnly ? "(the reading serializer's message)" : Convert.ToBase64String(body)));
            }

            return answers;
        }

        private static HttpRequestMessage Get(string path, string? accept = null, params (string Name, string Value)[] headers) =>
            Get(path, accept, HttpMethod.Get, headers);

        private static HttpRequestMessage Get(string path, string? accept, HttpMethod method, params (string Name, string Value)[] headers)
        {
            var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return request;
        }

        private static HttpRequestMessage Post(string contentType, byte[] body, string accept)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/echo", UriKind.Relative)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            return request;
        }
    }
}
