using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Primitives;
using Pulya.Routing;

namespace Pulya.Http;

/// <summary>
/// The request a handler sees: method, path, query, headers, route values, services, items and cancellation.
/// Handlers receive it by declaring a parameter of this type. It is only valid during its request: the
/// framework may reuse the instance for a later request.
/// </summary>
public abstract class PulyaRequest
{
    /// <summary>The <see cref="HttpContext"/> and the features it adds, once created; kept across requests an instance serves.</summary>
    private RequestHttpContext? _httpContext;

    /// <summary>The HTTP method, upper case.</summary>
    public abstract string Method { get; }

    /// <summary>The decoded path (an encoded slash <c>%2F</c> stays encoded).</summary>
    public abstract string Path { get; }

    /// <summary>The raw query string including the leading <c>?</c>, or empty.</summary>
    public abstract string QueryString { get; }

    /// <summary>The request headers.</summary>
    public abstract Headers Headers { get; }

    /// <summary>The matched route, or null before routing or when nothing matched.</summary>
    public abstract RouteEntry? Route { get; }

    /// <summary>The request-scoped service provider (a scope is created on first use).</summary>
    public abstract IServiceProvider Services { get; }

    /// <summary>Per-request storage for application code; created on first use.</summary>
    public abstract IDictionary<object, object?> Items { get; }

    /// <summary>Signalled when the client goes away or the request is aborted.</summary>
    public abstract CancellationToken RequestAborted { get; }

    /// <summary>The server's features for this request, for what Pulya does not wrap.</summary>
    public abstract IFeatureCollection Features { get; }

    /// <summary>
    /// The caller's identity: anonymous (an identity that is not authenticated) until authentication sets one, e.g.
    /// ASP.NET Core's authentication middleware run by the bridge. Kept in the request's
    /// <see cref="IHttpAuthenticationFeature"/>, so it is the same object as the request's <see cref="HttpContext"/>'s
    /// <c>User</c>; reading it allocates nothing once set (the anonymous one is created on first read and kept).
    /// </summary>
    public virtual ClaimsPrincipal User
    {
        get
        {
            var features = Features;
            var authentication = features.Get<IHttpAuthenticationFeature>();
            if (authentication?.User is { } user)
            {
                return user;
            }

            user = new ClaimsPrincipal(new ClaimsIdentity());
            SetUser(features, authentication, user);
            return user;
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var features = Features;
            SetUser(features, features.Get<IHttpAuthenticationFeature>(), value);
        }
    }

    /// <summary>
    /// ASP.NET Core's <see cref="Microsoft.AspNetCore.Http.HttpContext"/> over this request's own features, created on first use
    /// (a request that never asks for it allocates none) and the same one for the rest of the request: the ASP.NET Core
    /// bridge runs its middleware on it, and a handler receives it by declaring a parameter of that type. It shares the
    /// request's state: <c>RequestServices</c> is <see cref="Services"/> (the same scope), <c>Items</c> is <see cref="Items"/>,
    /// <c>User</c> is <see cref="User"/>, <c>RequestAborted</c> is <see cref="RequestAborted"/>, the route values are the
    /// matched route's (built on first use), and request and response are the server's own. The request is a feature of it:
    /// <c>httpContext.Features.Get&lt;PulyaRequest&gt;()</c>. An instance that serves several requests one after the other
    /// (pooled) keeps the context's objects for the next one when it calls <see cref="ReleaseHttpContext"/> as its request ends.
    /// </summary>
    public virtual HttpContext HttpContext
    {
        get
        {
            var features = Features;
            if (_httpContext is { Request: not null } current && ReferenceEquals(features[typeof(PulyaRequest)], this))
            {
                return current.Context;
            }

            return (_httpContext ??= new RequestHttpContext()).Attach(this, features);
        }
    }

    /// <summary>
    /// Ends this request's <see cref="HttpContext"/>, if one was created: any later use of it throws, and nothing of this
    /// request stays in it. Its objects are kept for the next request this instance serves, as ASP.NET Core's hosting keeps
    /// its context on a connection. For an implementation that is reused: call it when the request ends (after the server's
    /// last callback of the request), before the instance serves another.
    /// </summary>
    protected void ReleaseHttpContext() => _httpContext?.Detach();

    /// <summary>The value of the route parameter <paramref name="name"/>, or null when the route has no such parameter.</summary>
    public abstract string? GetRouteValue(string name);

    /// <summary>The values of the query key <paramref name="name"/> (empty when absent), percent-decoded.</summary>
    public abstract StringValues GetQuery(string name);

    private static void SetUser(IFeatureCollection features, IHttpAuthenticationFeature? authentication, ClaimsPrincipal user)
    {
        if (authentication is null)
        {
            authentication = new HttpAuthenticationFeature();
            features.Set(authentication);
        }

        authentication.User = user;
    }
}
