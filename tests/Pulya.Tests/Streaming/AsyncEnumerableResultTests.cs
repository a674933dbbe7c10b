using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;
using static Pulya.Tests.Streaming.StreamResultTests;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Streaming;

public sealed class AsyncEnumerableResultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Sequences_are_written_as_json_arrays(TestTransport transport)
    {
        await using var server = await StreamingApp.StartAsync(transport, app => app
            .MapGet("/ints", () => Numbers(3))
            .MapGet("/empty", () => Numbers(0))
            .MapGet("/records", () => Task.FromResult(Items()))
            .MapGet("/later", async () =>
            {
                await Task.Yield();
                return Numbers(2);
            })
            .MapGet("/response", () => new Response(Items(), 201).WithHeader("X-Kind", "sequence"))
            .MapGet("/null", () => (IAsyncEnumerable<int>?)null));

        Assert.Equal("[1,2,3]", await server.Client.GetStringAsync(Path("/ints")));
        Assert.Equal("[]", await server.Client.GetStringAsync(Path("/empty")));
        Assert.Equal("[1,2]", await server.Client.GetStringAsync(Path("/later")));
        Assert.Equal("[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"count\":2}]", await server.Client.GetStringAsync(Path("/records")));
        using var response = await server.Client.GetAsync(Path("/response"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("sequence", response.Headers.GetValues("X-Kind").Single());
        Assert.Equal("[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"count\":2}]", await response.Content.ReadAsStringAsync());
        using var none = await server.Client.GetAsync(Path("/null"));
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Items_reach_the_client_while_the_sequence_is_still_running(TestTransport transport)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StreamingApp.StartAsync(transport, app => app.MapGet("/live", () => WaitingSequence(release.Task)));

        using var response = await server.Client.GetAsync(Path("/live"), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();

        Assert.Equal("[1", await ReadAtLeastAsync(body, 2));
        release.SetResult();
        Assert.Equal(",2]", await new StreamReader(body).ReadToEndAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_sequence_failing_before_its_first_item_is_a_clean_500_and_after_it_aborts(TestTransport transport)
    {
        await using var server = await StreamingApp.StartAsync(transport, app => app
            .MapGet("/early", () => Failing(0))
            .MapGet("/late", () => Failing(1)));

        using var early = await server.Client.GetAsync(Path("/early"));
        Assert.Equal(HttpStatusCode.InternalServerError, early.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", await early.Content.ReadAsStringAsync());
        await AssertAbortedAsync(server.Client, "/late");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_selected_json_serializer_writes_the_items(TestTransport transport)
    {
        await using var newtonsoft = await StreamingApp.StartAsync(transport, app => app.MapGet("/renamed", () => Renamed()), builder => builder.Pulya.AddNewtonsoftJson(), "--Pulya:Serializer=NewtonsoftJson");
        await using var systemTextJson = await StreamingApp.StartAsync(transport, app => app.MapGet("/renamed", () => Renamed()));

        // Only Newtonsoft.Json honours its own attribute: each item went through the selected serializer.
        Assert.Equal("[{\"renamed\":\"a\"}]", await newtonsoft.Client.GetStringAsync(Path("/renamed")));
        Assert.Equal("[{\"value\":\"a\"}]", await systemTextJson.Client.GetStringAsync(Path("/renamed")));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task MessagePack_collects_the_items_into_one_array(TestTransport transport)
    {
        await using var client = await StreamingApp.StartAsync(transport, app => app.MapGet("/ints", () => Numbers(3)), builder => builder.Pulya.AddMessagePack());
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/ints"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/msgpack"));

        using var response = await client.Client.SendAsync(request);

        Assert.Equal("application/msgpack", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal([1, 2, 3], MessagePack.MessagePackSerializer.Deserialize<int[]>(bytes));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task MessagePack_collects_at_most_the_configured_items_then_answers_a_clean_500_and_stops_the_sequence(TestTransport transport)
    {
        var produced = 0;
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = await StreamingApp.StartAsync(
            transport,
            app => app.MapGet("/ints", () => Counted(1_000, () => produced++, ended)).MapGet("/few", () => Numbers(5)),
            builder => builder.Pulya.AddMessagePack(),
            "--Pulya:MaxCollectedSequenceItems=5");

        using var many = new HttpRequestMessage(HttpMethod.Get, Path("/ints"));
        many.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/msgpack"));
        using var response = await client.Client.SendAsync(many);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", await response.Content.ReadAsStringAsync());
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(6, produced);

        using var few = new HttpRequestMessage(HttpMethod.Get, Path("/few"));
        few.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/msgpack"));
        using var fewResponse = await client.Client.SendAsync(few);
        var fewBytes = await fewResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([1, 2, 3, 4, 5], MessagePack.MessagePackSerializer.Deserialize<int[]>(fewBytes));
        Assert.Equal(1_000, (await client.Client.GetFromJsonAsync<int[]>(Path("/ints")))!.Length);
    }

    private static async IAsyncEnumerable<int> Counted(int count, Action produced, TaskCompletionSource ended)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                produced();
                await Task.Yield();
                yield return i;
            }
        }
        finally
        {
            ended.TrySetResult();
        }
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_unacceptable_format_is_406_and_head_sends_no_items(TestTransport transport)
    {
        var enumerated = false;
        await using var client = await StreamingApp.StartAsync(transport, app => app.MapGet("/ints", () => Tracked(() => enumerated = true)));
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/ints"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        using var refused = await client.Client.SendAsync(request);
        using var head = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/ints")));

        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/json; charset=utf-8", head.Content.Headers.ContentType!.ToString());
        Assert.False(enumerated);
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_the_sequence_on_kestrel()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StreamingApp.StartAsync(TestTransport.Kestrel, app => app.MapGet("/live", () => Endless(cancelled)));

        await DisconnectAfterFirstBytesAsync(server, "/live");

        await cancelled.Task.WaitAsync(Timeout);
    }

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<NewtonsoftNamed> Renamed()
    {
        await Task.Yield();
        yield return new NewtonsoftNamed("a");
    }

    private static async IAsyncEnumerable<CountedItem> Items()
    {
        await Task.Yield();
        yield return new CountedItem("a", 1);
        yield return new CountedItem("b", 2);
    }

    private static async IAsyncEnumerable<int> WaitingSequence(Task release, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return 1;
        await release.WaitAsync(cancellationToken);
        yield return 2;
    }

    private static async IAsyncEnumerable<int> Failing(int before)
    {
        for (var i = 0; i < before; i++)
        {
            yield return i;
        }

        await Task.Yield();
        throw new InvalidOperationException("boom");
    }

    private static async IAsyncEnumerable<int> Tracked(Action onEnumerate)
    {
        onEnumerate();
        await Task.Yield();
        yield return 1;
    }

    private static async IAsyncEnumerable<int> Endless(TaskCompletionSource cancelled, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return 1;
        try
        {
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            cancelled.TrySetResult();
            throw;
        }
    }

    private sealed record NewtonsoftNamed([property: Newtonsoft.Json.JsonProperty("renamed")] string Value);
}
