using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Reliability.Tests.Corpus;
using Pulya.Reliability.Tests.Hosting;
using Pulya.Serialization;
using Pulya.Tests.Shared.Http;

namespace Pulya.Reliability.Tests.BadInput;

/// <summary>
/// Sends every case of the bad-input corpus (<c>Corpus/*.corpus</c>) over a raw socket to the sample application on
/// Kestrel and checks the documented status, that no error body echoes the payload or a stack trace, that the server
/// still answers <c>GET /</c> afterwards, and that every pooled request object went back to its pool.
/// </summary>
public abstract class BadInputTests(ServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Streamed bodies at least this long must be answered before half of them was sent.</summary>
    private const long LargeBody = 64L * 1024 * 1024;

    private ReliabilityServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(CorpusFile.All), MemberType = typeof(CorpusFile))]
    public async Task Corpus_case_gets_its_documented_status_and_the_server_keeps_serving(string file, int line, string name)
    {
        var testCase = CorpusFile.Find(file, line);
        Assert.Equal(name, testCase.Name);

        var response = await RawHttpClient.SendAsync(Server.Port, testCase.Request, Timeout);

        var allowed = testCase.Expected.Allowed(ReadingSerializer(testCase.Request));
        Assert.True(allowed.Contains(response.Status), $"{testCase} [{Server.Profile}]: expected {string.Join(" or ", allowed)}, got {response}{LastError()}");
        Assert.NotEqual(500, response.Status);
        if (testCase.Request.StreamLength >= LargeBody)
        {
            // The server answers without reading the whole body (it may have read what the socket buffers held).
            Assert.True(response.BodyBytesSent < testCase.Request.StreamLength / 2, $"{testCase}: the client sent {response.BodyBytesSent} of {testCase.Request.StreamLength} bytes before the answer.");
        }

        if (response.Status >= 400)
        {
            AssertNoEcho(testCase, response);
        }

        var root = await RawHttpClient.GetAsync(Server.Port, "/", Timeout);
        Assert.Equal(200, root.Status);
        Assert.Equal("{\"success\":true}", root.BodyText);
        await Server.Pool.WaitForZeroAsync(Timeout);
    }

    private string LastError() => Server.Log.Entries.LastOrDefault(e => e.Exception is not null) is { } entry
        ? $"; server logged: {entry.Message} {entry.Exception}"
        : string.Empty;

    private static void AssertNoEcho(CorpusCase testCase, RawResponse response)
    {
        var body = response.BodyText;
        Assert.DoesNotContain("EVIL", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.True(response.Body.Length <= 512, $"{testCase}: error body of {response.Body.Length} bytes: {body}");
        if (testCase.Request.Body.Length >= 12)
        {
            var payloadStart = Encoding.UTF8.GetString(testCase.Request.Body, 0, 12);
            Assert.DoesNotContain(payloadStart, body, StringComparison.Ordinal);
        }

        if (body.Length > 0 && response.Status != 431 && response.Status != 414)
        {
            // Pulya's own errors are JSON {"error": "..."}; Kestrel's limit responses (414, 431, 400 from the parser) have empty bodies.
            Assert.StartsWith("{\"error\":", body, StringComparison.Ordinal);
        }
    }

    /// <summary>The name of the serializer that reads the request's body, as the pipeline picks it (default first); null when none reads its Content-Type.</summary>
    private string? ReadingSerializer(RawRequest request)
    {
        var head = Encoding.Latin1.GetString(request.Head);
        var line = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
        if (line is null)
        {
            return Server.Serializers[0].Name;
        }

        var mediaType = line["Content-Type:".Length..].Split(';')[0].Trim();
        return Server.Serializers.FirstOrDefault(s => s.Serializer.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase)).Name;
    }
}

/// <summary>The baseline profile.</summary>
public sealed class BadInputTestsBaseline(BaselineServerFixture fixture) : BadInputTests(fixture), IClassFixture<BaselineServerFixture>;

/// <summary>The optimized profile.</summary>
public sealed class BadInputTestsOptimized(OptimizedServerFixture fixture) : BadInputTests(fixture), IClassFixture<OptimizedServerFixture>;

/// <summary>The newtonsoft profile: the whole corpus, no per-serializer exception.</summary>
public sealed class BadInputTestsNewtonsoft(NewtonsoftServerFixture fixture) : BadInputTests(fixture), IClassFixture<NewtonsoftServerFixture>;
