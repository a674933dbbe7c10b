using Pulya.Hosting;
using Pulya.Http;

namespace Pulya.Reliability.Tests.Hosting;

/// <summary>
/// Routes the reliability suites add to the sample application: typed values, a forbidding header, faults. Their body
/// and result types are public: the MessagePack module (contractless resolver) cannot build formatters for others.
/// </summary>
internal static class TestRoutes
{
    public static void Map(PulyaApplication app, SignalBoard signals)
    {
        app.MapGet("/reliability/forbid", ([Header("X-Example", Strategy = HeaderStrategy.Forbid)] string? example) => new HeaderValue(example));
        app.MapGet("/reliability/users/{id}", (int id) => new UserId(id));
        app.MapGet("/reliability/count", ([Query("n")] int n) => new Count(n));
        app.MapPost("/reliability/numbers", ([Body] Numbers body) => body);

        app.MapGet("/reliability/throw", string () => throw new InvalidOperationException("SECRET-FAULT-DETAIL from the handler"));

        // Never completes by itself: returns only when the request's token fires (client gone, or server shutting down).
        app.MapGet("/reliability/wait", async ([Query("id")] string id, CancellationToken cancellationToken) =>
        {
            var signal = signals[id];
            await using var registration = cancellationToken.Register(() => signal.Cancelled.TrySetResult());
            signal.Started.TrySetResult();
            await signal.Cancelled.Task;
            cancellationToken.ThrowIfCancellationRequested();
            return new Count(0);
        });

        // Completes when the test releases it: a request in flight during shutdown.
        app.MapGet("/reliability/gate", async ([Query("id")] string id) =>
        {
            var signal = signals[id];
            signal.Started.TrySetResult();
            await signal.Release.Task;
            signal.Completed.TrySetResult();
            return new HeaderValue("released " + id);
        });
    }
}

public sealed record HeaderValue(string? Value);

public sealed record UserId(int Id);

public sealed record Count(int N);

public sealed class Numbers
{
    public int Small { get; set; }

    public byte Tiny { get; set; }

    public long Big { get; set; }
}
