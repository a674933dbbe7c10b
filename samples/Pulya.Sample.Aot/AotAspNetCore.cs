using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pulya.AspNetCore;
using Pulya.Hosting;

namespace Pulya.Sample.Aot;

/// <summary>
/// ASP.NET Core middleware through Pulya's bridge under Native AOT: JwtBearer authentication, an authorization policy, a
/// fixed-window rate limiter and output caching, on the <c>/api</c> group and two public routes. Tokens are the sample's
/// (same issuer, audience and development key as <c>samples/Pulya.Sample</c>): <c>Pulya.Sample.Aot mint-token [subject]</c>.
/// </summary>
public static class AotAspNetCore
{
    /// <summary>The authorization policy of the <c>/api</c> group: a token with <c>scope: api</c>.</summary>
    public const string ApiPolicy = "api";

    /// <summary>The rate limiter policy of <c>/api/limited</c>: <see cref="LimitedPermits"/> requests a minute, no queue.</summary>
    public const string LimitedPolicy = "limited";

    /// <summary>How many requests a minute <c>/api/limited</c> lets through before it answers 429.</summary>
    public const int LimitedPermits = 2;

    /// <summary>The configuration keys of the tokens (as in the JIT sample).</summary>
    public const string JwtIssuerKey = "Sample:Jwt:Issuer";

    /// <summary>The audience the tokens are issued for.</summary>
    public const string JwtAudienceKey = "Sample:Jwt:Audience";

    /// <summary>The HMAC-SHA256 signing key; the default below is for development only (set <c>Sample__Jwt__SigningKey</c>).</summary>
    public const string JwtSigningKeyKey = "Sample:Jwt:SigningKey";

    private const string DevelopmentIssuer = "pulya-sample";
    private const string DevelopmentAudience = "pulya-sample-api";
    private const string DevelopmentSigningKey = "development-only-signing-key-override-it-in-production";

    /// <summary>Registers authentication (JwtBearer), the policy, the rate limiter and the output cache.</summary>
    public static void ConfigureServices(PulyaApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer(configuration),
                ValidAudience = Audience(configuration),
                IssuerSigningKey = SigningKey(configuration),
                NameClaimType = "sub",
            };
        });
        builder.Services.AddAuthorization(o => o.AddPolicy(ApiPolicy, p => p.RequireClaim("scope", "api")));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddFixedWindowLimiter(LimitedPolicy, w =>
            {
                w.PermitLimit = LimitedPermits;
                w.Window = TimeSpan.FromMinutes(1);
                w.QueueLimit = 0;
            });
        });
        builder.Services.AddOutputCache();
    }

    /// <summary>The ASP.NET Core pipeline: authentication, authorization, rate limiting, output caching.</summary>
    public static void UseAspNetCore(PulyaApplication app) =>
        app.UseAspNetCore(web =>
        {
            web.UseAuthentication();
            web.UseAuthorization();
            web.UseRateLimiter();
            web.UseOutputCache();
        });

    /// <summary>
    /// <c>/api/me</c> (401 without a token, 403 without <c>scope: api</c>), <c>/api/limited</c> (also rate limited: 429 after
    /// <see cref="LimitedPermits"/> a minute) and <c>/cached</c> (public, cached: the count stays the same while cached).
    /// </summary>
    public static void MapRoutes(PulyaApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiPolicy);
        api.MapGet("/me", (ClaimsPrincipal user) => new Caller(user.Identity!.Name!));
        api.MapGet("/limited", (ClaimsPrincipal user) => new Caller(user.Identity!.Name!)).RequireRateLimiting(LimitedPolicy);
        app.MapGet("/cached", (Counter counter) => new CountResult(counter.Next(), false)).CacheOutput();
    }

    /// <summary>A token the <c>/api</c> group accepts, for <paramref name="subject"/>, valid for <paramref name="lifetime"/>.</summary>
    public static string MintToken(IConfiguration configuration, string subject, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("scope", "api")]),
            Issuer = Issuer(configuration),
            Audience = Audience(configuration),
            Expires = DateTime.UtcNow.Add(lifetime),
            SigningCredentials = new SigningCredentials(SigningKey(configuration), SecurityAlgorithms.HmacSha256),
        });

    private static string Issuer(IConfiguration configuration) => configuration[JwtIssuerKey] ?? DevelopmentIssuer;

    private static string Audience(IConfiguration configuration) => configuration[JwtAudienceKey] ?? DevelopmentAudience;

    private static SymmetricSecurityKey SigningKey(IConfiguration configuration) =>
        new(Encoding.UTF8.GetBytes(configuration[JwtSigningKeyKey] ?? DevelopmentSigningKey));
}

/// <summary>The authenticated caller's name.</summary>
public sealed record Caller(string Name);
