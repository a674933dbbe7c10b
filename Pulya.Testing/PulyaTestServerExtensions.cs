using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Hosting;

namespace Pulya.Testing;

/// <summary>Chooses the server a test application runs on: ASP.NET Core's in-memory <see cref="TestServer"/> or Kestrel on a free loopback port.</summary>
public static class PulyaTestServerExtensions
{
    /// <summary>The address <see cref="TestTransport.Kestrel"/> listens on: loopback, a port the system picks.</summary>
    public const string LoopbackUrl = "http://127.0.0.1:0";

    /// <summary>Makes the application serve requests in memory instead of on sockets.</summary>
    public static PulyaApplicationBuilder UseTestServer(this PulyaApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IServer>(sp => new TestServer(sp, Options.Create(new TestServerOptions())));
        return builder;
    }

    /// <summary>
    /// Makes the application serve requests on <paramref name="transport"/>: <see cref="UseTestServer"/> for
    /// <see cref="TestTransport.TestServer"/>; for <see cref="TestTransport.Kestrel"/>, Kestrel listening on
    /// <see cref="LoopbackUrl"/> only (the <c>urls</c> key is set, with <c>preferHostingUrls</c> so that it wins over any
    /// <c>Kestrel:Endpoints</c> entries).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="transport"/> is not a defined value.</exception>
    public static PulyaApplicationBuilder UseTestTransport(this PulyaApplicationBuilder builder, TestTransport transport)
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (transport)
        {
            case TestTransport.TestServer:
                return builder.UseTestServer();
            case TestTransport.Kestrel:
                ListenOnLoopback(builder.Configuration);
                return builder;
            default:
                throw new ArgumentOutOfRangeException(nameof(transport), transport, "Unknown test transport.");
        }
    }

    private static void ListenOnLoopback(IConfigurationManager configuration) =>
        // Configured endpoints would win over `urls`; preferHostingUrls makes `urls` win, so a test never binds a fixed port.
        configuration.AddInMemoryCollection([new("urls", LoopbackUrl), new("preferHostingUrls", "true")]);
}
