namespace Pulya.Testing.Conformance.Hosting;

/// <summary>The result of <c>GET /some/{id}/and/{another}/{i}/other</c>.</summary>
public sealed record DynamicResult(string Id, string Another, int Route);
