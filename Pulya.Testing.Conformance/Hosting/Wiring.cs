namespace Pulya.Testing.Conformance.Hosting;

/// <summary>The result of <c>GET /wiring/{name}</c>: a route value, a scoped service's view of the request, and the request headers.</summary>
public sealed record Wiring(string Test, string User, string Name, string[][] Headers);
