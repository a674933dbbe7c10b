namespace Pulya.Http;

/// <summary>
/// Endpoint metadata saying that the route answers 401 (with <c>WWW-Authenticate: <see cref="Scheme"/></c>) or 403 before
/// its body is read, unless the request authenticates; added by authentication hooks such as Pulya.Middleware's
/// <c>RequireBearerToken</c>, read by whoever describes the route (the OpenAPI document's security requirements).
/// </summary>
public sealed class AuthenticationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="scheme">The authentication scheme, as sent in <c>WWW-Authenticate</c>, e.g. <c>Bearer</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="scheme"/> is empty.</exception>
    public AuthenticationRequirement(string scheme)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        Scheme = scheme;
    }

    /// <summary>The authentication scheme, e.g. <c>Bearer</c>.</summary>
    public string Scheme { get; }
}
