using Pulya.Http;

namespace Pulya.Middleware;

/// <summary>Adds <see cref="AuthenticationMiddleware"/> to a route or a route group: the decision comes before the body is read.</summary>
public static class AuthenticationExtensions
{
    /// <summary>
    /// Requires <c>Authorization: Bearer &lt;token&gt;</c> with one of <paramref name="tokens"/>: a missing header or an
    /// unknown token is 401 with <c>WWW-Authenticate: Bearer</c>.
    /// </summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="tokens">The accepted tokens (e.g. from configuration); at least one, none empty.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentException">No token, or an empty one, was given.</exception>
    public static TBuilder RequireBearerToken<TBuilder>(this TBuilder builder, params IEnumerable<string?> tokens)
        where TBuilder : IMiddlewareBuilder
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var accepted = tokens.ToArray();
        if (accepted.Length == 0 || accepted.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one bearer token is required, and none may be empty (is the configuration key set?).", nameof(tokens));
        }

        return builder.RequireBearerToken(token => BearerToken.Matches(token, accepted!) ? AccessDecision.Allow : AccessDecision.Unauthenticated);
    }

    /// <summary>
    /// Requires a bearer token and lets <paramref name="decide"/> judge it: a missing token is 401 without asking,
    /// <see cref="AccessDecision.Unauthenticated"/> is 401 (both with <c>WWW-Authenticate: Bearer</c>), <see cref="AccessDecision.Forbidden"/> 403.
    /// </summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="decide">Judges the presented token.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder RequireBearerToken<TBuilder>(this TBuilder builder, Func<string, AccessDecision> decide)
        where TBuilder : IMiddlewareBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(decide);
        return builder.RequireAuthentication(request => new ValueTask<AccessDecision>(Decide(request, decide)));
    }

    /// <summary>
    /// Adds an authentication hook: <paramref name="decide"/> sees the request (headers, route values, query; not the
    /// body, which is not read before the decision) and answers
    /// <see cref="AccessDecision.Allow"/>, <see cref="AccessDecision.Unauthenticated"/> (401 with <paramref name="challenge"/>) or
    /// <see cref="AccessDecision.Forbidden"/> (403). A route or group also gets an <see cref="AuthenticationRequirement"/>
    /// (metadata) naming <paramref name="challenge"/>, so the OpenAPI document shows the route's security scheme.
    /// </summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="decide">Decides about a request.</param>
    /// <param name="challenge">The <c>WWW-Authenticate</c> value sent with 401. Defaults to <c>Bearer</c>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder RequireAuthentication<TBuilder>(this TBuilder builder, Func<PulyaRequest, ValueTask<AccessDecision>> decide, string challenge = "Bearer")
        where TBuilder : IMiddlewareBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Use(new AuthenticationMiddleware(decide, challenge));
        (builder as IEndpointMetadataBuilder)?.WithMetadata(new AuthenticationRequirement(challenge.Split(' ', 2)[0]));
        return builder;
    }

    private static AccessDecision Decide(PulyaRequest request, Func<string, AccessDecision> decide) =>
        BearerToken.Read(request) is { } token ? decide(token) : AccessDecision.Unauthenticated;
}
