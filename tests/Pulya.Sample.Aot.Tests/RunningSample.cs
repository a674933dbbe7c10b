using System.Diagnostics;

namespace Pulya.Sample.Aot.Tests;

/// <summary>A started native sample and a client for it; disposing stops the process.</summary>
public sealed class RunningSample(Process process, HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public void Dispose()
    {
        Client.Dispose();
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }
}
