namespace Pulya.Testing.Conformance.Hosting;

/// <summary>The result of <c>GET /</c> and <c>GET /last_route</c>.</summary>
public sealed record SuccessResult(bool Success);
