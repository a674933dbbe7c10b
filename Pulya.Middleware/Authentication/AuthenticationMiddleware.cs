using System.Text;
using Pulya.Http;

namespace Pulya.Middleware;

/// <summary>
/// Middleware that asks a hook about each request matched to its route or group, before the body is read or bound:
/// <see cref="AccessDecision.Allow"/> continues, <see cref="AccessDecision.Unauthenticated"/> answers 401
/// <c>{"error":"Unauthorized."}</c> with a <c>WWW-Authenticate</c> challenge, <see cref="AccessDecision.Forbidden"/> answers
/// 403 <c>{"error":"Forbidden."}</c>. An anonymous client therefore learns nothing about the body it sent (a malformed one
/// is 401, not 400), and an upload is not read before it is refused.
/// </summary>
public sealed class AuthenticationMiddleware : IPulyaMiddleware
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private static readonly byte[] UnauthorizedBody = Encoding.UTF8.GetBytes("{\"error\":\"Unauthorized.\"}");
    private static readonly byte[] ForbiddenBody = Encoding.UTF8.GetBytes("{\"error\":\"Forbidden.\"}");

    private readonly Func<PulyaRequest, ValueTask<AccessDecision>> _decide;
    private readonly string _challenge;

    /// <summary>Creates the filter.</summary>
    /// <param name="decide">Decides about a request, from its headers and route values (the body is not read yet).</param>
    /// <param name="challenge">The <c>WWW-Authenticate</c> value sent with 401, e.g. <c>Bearer</c>.</param>
    public AuthenticationMiddleware(Func<PulyaRequest, ValueTask<AccessDecision>> decide, string challenge)
    {
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentException.ThrowIfNullOrWhiteSpace(challenge);
        _decide = decide;
        _challenge = challenge;
    }

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(PulyaRequest request, PulyaRequestDelegate next)
    {
        return await _decide(request) switch
        {
            AccessDecision.Allow => await next(request),
            AccessDecision.Forbidden => Response.Bytes(ForbiddenBody, JsonContentType, 403),
            _ => Response.Bytes(UnauthorizedBody, JsonContentType, 401).WithHeader("WWW-Authenticate", _challenge),
        };
    }
}
