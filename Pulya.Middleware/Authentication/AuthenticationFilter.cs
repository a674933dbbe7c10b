using System.Text;
using Pulya.Http;

namespace Pulya.Middleware;

/// <summary>
/// An endpoint filter that asks a hook about each request before the handler runs: <see cref="AccessDecision.Allow"/>
/// continues, <see cref="AccessDecision.Unauthenticated"/> answers 401 <c>{"error":"Unauthorized."}</c> with a
/// <c>WWW-Authenticate</c> challenge, <see cref="AccessDecision.Forbidden"/> answers 403 <c>{"error":"Forbidden."}</c>.
/// As a filter it runs after binding, so a malformed request is still a 400 first; the hook sees the bound arguments.
/// </summary>
public sealed class AuthenticationFilter : IEndpointFilter
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private static readonly byte[] UnauthorizedBody = Encoding.UTF8.GetBytes("{\"error\":\"Unauthorized.\"}");
    private static readonly byte[] ForbiddenBody = Encoding.UTF8.GetBytes("{\"error\":\"Forbidden.\"}");

    private readonly Func<EndpointFilterContext, ValueTask<AccessDecision>> _decide;
    private readonly string _challenge;

    /// <summary>Creates the filter.</summary>
    /// <param name="decide">Decides about a request (its arguments as bound are in the context).</param>
    /// <param name="challenge">The <c>WWW-Authenticate</c> value sent with 401, e.g. <c>Bearer</c>.</param>
    public AuthenticationFilter(Func<EndpointFilterContext, ValueTask<AccessDecision>> decide, string challenge)
    {
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentException.ThrowIfNullOrWhiteSpace(challenge);
        _decide = decide;
        _challenge = challenge;
    }

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterContext context, EndpointFilterDelegate next)
    {
        return await _decide(context) switch
        {
            AccessDecision.Allow => await next(context),
            AccessDecision.Forbidden => Response.Bytes(ForbiddenBody, JsonContentType, 403),
            _ => Response.Bytes(UnauthorizedBody, JsonContentType, 401).WithHeader("WWW-Authenticate", _challenge),
        };
    }
}
