namespace Pulya.Reliability.Tests.Hosting;

/// <summary>One running server per test class and profile (an xunit class fixture).</summary>
public abstract class ServerFixture(string profile) : IAsyncLifetime
{
    public ReliabilityServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ReliabilityServer.StartAsync(profile);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The server under the <c>baseline</c> profile.</summary>
public sealed class BaselineServerFixture() : ServerFixture("baseline");

/// <summary>The server under the <c>optimized</c> profile.</summary>
public sealed class OptimizedServerFixture() : ServerFixture("optimized");

/// <summary>The server under the <c>newtonsoft</c> profile: JSON bodies read by NewtonsoftJson, held to the same corpus.</summary>
public sealed class NewtonsoftServerFixture() : ServerFixture("newtonsoft");
