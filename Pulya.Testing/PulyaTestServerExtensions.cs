using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Hosting;

namespace Pulya.Testing;

/// <summary>Replaces Kestrel with ASP.NET Core's in-memory <see cref="TestServer"/>.</summary>
public static class PulyaTestServerExtensions
{
    /// <summary>Makes the application serve requests in memory instead of on sockets.</summary>
    public static PulyaApplicationBuilder UseTestServer(this PulyaApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IServer>(sp => new TestServer(sp, Options.Create(new TestServerOptions())));
        return builder;
    }
}
