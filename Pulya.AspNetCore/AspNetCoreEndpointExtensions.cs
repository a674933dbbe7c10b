using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OutputCaching;
using Pulya.Http;

namespace Pulya.AspNetCore;

/// <summary>
/// ASP.NET Core's endpoint conventions for Pulya's routes and route groups, with Minimal APIs' semantics: each runs ASP.NET
/// Core's own extension method, so the route carries the very metadata objects a Minimal API endpoint would
/// (<see cref="AuthorizeAttribute"/>, <see cref="AllowAnonymousAttribute"/>, <c>EnableRateLimitingAttribute</c>…), read by the
/// middleware run through <see cref="AspNetCoreBridgeExtensions.UseAspNetCore{TBuilder}"/>. On a group they apply to every route
/// of it, before the route's own (<c>AllowAnonymous</c> on a route opens it inside a protected group).
/// </summary>
public static class AspNetCoreEndpointExtensions
{
    /// <summary>Requires an authenticated caller that satisfies every named policy (none: the default policy), one <see cref="AuthorizeAttribute"/> each.</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="policyNames">The authorization policies; none means the default policy (an authenticated user).</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder RequireAuthorization<TBuilder>(this TBuilder builder, params string[] policyNames)
        where TBuilder : IEndpointMetadataBuilder =>
        ConventionMetadata.Apply(builder, b => AuthorizationEndpointConventionBuilderExtensions.RequireAuthorization(b, policyNames));

    /// <summary>Requires a caller that satisfies <paramref name="policy"/> (the policy object itself is the metadata).</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="policy">The policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder RequireAuthorization<TBuilder>(this TBuilder builder, AuthorizationPolicy policy)
        where TBuilder : IEndpointMetadataBuilder =>
        ConventionMetadata.Apply(builder, b => AuthorizationEndpointConventionBuilderExtensions.RequireAuthorization(b, policy));

    /// <summary>Requires a caller that satisfies the policy <paramref name="configure"/> builds (once, here).</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="configure">Builds the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder RequireAuthorization<TBuilder>(this TBuilder builder, Action<AuthorizationPolicyBuilder> configure)
        where TBuilder : IEndpointMetadataBuilder =>
        ConventionMetadata.Apply(builder, b => AuthorizationEndpointConventionBuilderExtensions.RequireAuthorization(b, configure));

    /// <summary>Lets anonymous callers in, whatever the groups around require (<see cref="AllowAnonymousAttribute"/>).</summary>
    /// <param name="builder">The route or route group.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder AllowAnonymous<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointMetadataBuilder =>
        ConventionMetadata.Apply(builder, b => AuthorizationEndpointConventionBuilderExtensions.AllowAnonymous(b));

    /// <summary>Limits requests with the rate limiter policy <paramref name="policyName"/> (<c>EnableRateLimitingAttribute</c>).</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="policyName">A policy added with <c>AddRateLimiter(o =&gt; o.AddFixedWindowLimiter(policyName, …))</c>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder RequireRateLimiting<TBuilder>(this TBuilder builder, string policyName)
        where TBuilder : IEndpointMetadataBuilder =>
        ConventionMetadata.Apply(builder, b => RateLimiterEndpointConventionBuilderExtensions.RequireRateLimiting(b, policyName));

    /// <summary>Exempts the route (or group) from rate limiting, the global limiter included (<c>DisableRateLimitingAttribute</c>).</summary>
    /// <param name="builder">The route or route group.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder DisableRateLimiting<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointMetadataBuilder =>
        ConventionMetadata.Apply(builder, b => RateLimiterEndpointConventionBuilderExtensions.DisableRateLimiting(b));

    /// <summary>Caches responses with the output cache's base policies.</summary>
    /// <param name="builder">The route or route group.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder CacheOutput<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointMetadataBuilder =>
        ConventionMetadata.Apply(builder, b => Microsoft.Extensions.DependencyInjection.OutputCacheConventionBuilderExtensions.CacheOutput(b));

    /// <summary>Caches responses with the named output cache policy (<c>AddOutputCache(o =&gt; o.AddPolicy(policyName, …))</c>).</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="policyName">The policy's name.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder CacheOutput<TBuilder>(this TBuilder builder, string policyName)
        where TBuilder : IEndpointMetadataBuilder =>
        ConventionMetadata.Apply(builder, b => Microsoft.Extensions.DependencyInjection.OutputCacheConventionBuilderExtensions.CacheOutput(b, policyName));

    /// <summary>Caches responses with the policy <paramref name="configure"/> builds (once, here): <c>.CacheOutput(p =&gt; p.Expire(TimeSpan.FromSeconds(10)).SetVaryByQuery("page"))</c>.</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="configure">Builds the policy.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder CacheOutput<TBuilder>(this TBuilder builder, Action<OutputCachePolicyBuilder> configure)
        where TBuilder : IEndpointMetadataBuilder =>
        ConventionMetadata.Apply(builder, b => Microsoft.Extensions.DependencyInjection.OutputCacheConventionBuilderExtensions.CacheOutput(b, configure));

    /// <summary>
    /// Lets the route (or every route of the group) skip the ASP.NET Core bridge: no <c>HttpContext</c> is created and no ASP.NET
    /// Core middleware runs for it (<see cref="SkipAspNetCoreMetadata"/>), so a public, uncached route pays nothing for the
    /// middleware other routes need. Its handler still gets an <c>HttpContext</c> if it asks for one; its <c>User</c> stays anonymous.
    /// </summary>
    /// <param name="builder">The route or route group.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder SkipAspNetCore<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointMetadataBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(SkipAspNetCoreMetadata.Instance);
        return builder;
    }
}
