namespace Pulya.Testing;

/// <summary>The server a test runs the application on. Both run the same pipeline; they differ in what lies beneath it.</summary>
public enum TestTransport
{
    /// <summary>ASP.NET Core's in-memory <c>TestServer</c>: no sockets, fastest; its response writer and limits are not Kestrel's.</summary>
    TestServer,

    /// <summary>Real Kestrel listening on <c>http://127.0.0.1:0</c> (a free loopback port), called over sockets: what users run.</summary>
    Kestrel,
}
