using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Tests;

/// <summary>
/// Base of the suites that speak HTTP: every case runs on the transport the derived class names, and each suite has one
/// nested class per transport (<c>OnTestServer</c>, <c>OnKestrel</c>), so the same cases run in memory and over real
/// Kestrel sockets.
/// </summary>
public abstract class TransportTests(TestTransport transport)
{
    /// <summary>The server this run uses.</summary>
    protected TestTransport Transport { get; } = transport;

    /// <summary>Starts a small application on <see cref="Transport"/>, logs off.</summary>
    protected Task<PulyaTestClient> StartAsync(Action<PulyaApplication> map, Action<PulyaApplicationBuilder>? configure = null, params string[] args) =>
        TestApp.StartAsync(Transport, map, configure, args);

    /// <summary>Starts a small application on <see cref="Transport"/> with every log entry captured.</summary>
    private protected Task<PulyaTestClient> StartWithLogsAsync(Action<PulyaApplication> map, CapturedLogs logs, params string[] args) =>
        TestApp.StartWithLogsAsync(Transport, map, logs, args);
}
