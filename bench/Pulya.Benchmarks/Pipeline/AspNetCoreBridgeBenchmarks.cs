using System.Security.Claims;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pulya.AspNetCore;
using Pulya.Benchmarks.Pooling;
using Pulya.Hosting;
using Pulya.Middleware;
using Pulya.Pipeline;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pipeline;

/// <summary>
/// What the ASP.NET Core bridge costs per request, driven straight into the pipeline (<see cref="DirectRequest"/>, no
/// server cost), <c>GET /api/items/{id:int}</c> answering a small JSON object:
/// no bridge (the baseline); the bridge with no middleware; the bridge with authorization, the rate limiter and the output
/// cache on a route without their metadata; the bridge with JwtBearer authentication and authorization on
/// an anonymous route (no token), on the same route marked <c>SkipAspNetCore()</c>, and on a route requiring a policy
/// (valid token); Pulya's own bearer hook on a group (its fast path); CORS with an <c>Origin</c> by Pulya's middleware and
/// by ASP.NET Core's through the bridge. The rows ending in <c>Pooled</c> run the same applications with pooled request
/// contexts (<c>Pulya:Pooling:Enabled=true</c>, the <c>ObjectPool</c> provider), as the load tool's <c>aspnetcore-auth</c>
/// profile does: a pooled context keeps its <c>HttpContext</c> for the next request. Every request's status is checked, and
/// each application's first body.
/// </summary>
[BenchmarkCategory("Pipeline", "AspNetCore")]
public class AspNetCoreBridgeBenchmarks
{
    private const string Body = "{\"id\":42,\"name\":\"item\"}";
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("a-benchmark-signing-key-32-bytes"));
    private readonly List<PulyaTestClient> _hosts = [];
    private readonly Dictionary<string, (PulyaHttpApplication Application, DirectRequest Request)> _apps = [];

    [GlobalSetup]
    public void Setup()
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "alice"), new Claim("role", "admin")]),
            Issuer = "bench",
            Audience = "bench",
            Expires = DateTime.UtcNow.AddDays(1),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
        static Item Handler(int id) => new(id, "item");
        Start("None", app => app.MapGet("/api/items/{id:int}", Handler));
        Start("BridgeEmpty", app => app.UseAspNetCore(_ => { }).MapGet("/api/items/{id:int}", Handler));
        Start("BridgeAuthAnonymous", app => Auth(app).MapGet("/api/items/{id:int}", Handler), Jwt);
        Start("BridgeAuthSkipped", app => Auth(app).MapGet("/api/items/{id:int}", Handler).SkipAspNetCore(), Jwt);
        Start("BridgeAuthProtected", app => Auth(app).MapGet("/api/items/{id:int}", Handler).RequireAuthorization("admin"), Jwt, ("Authorization", "Bearer " + token));
        Start("NonePooled", app => app.MapGet("/api/items/{id:int}", Handler), Pooled);
        Start("BridgeEmptyPooled", app => app.UseAspNetCore(_ => { }).MapGet("/api/items/{id:int}", Handler), Pooled);
        Start("BridgeAuthAnonymousPooled", app => Auth(app).MapGet("/api/items/{id:int}", Handler), builder => Pooled(Jwt, builder));
        Start(
            "BridgeAuthProtectedPooled",
            app => Auth(app).MapGet("/api/items/{id:int}", Handler).RequireAuthorization("admin"),
            builder => Pooled(Jwt, builder),
            ("Authorization", "Bearer " + token));
        // Endpoint-aware middleware only (authorization, rate limiter, output cache), policies on another route: the measured
        // route carries no metadata.
        Start(
            "BridgeEndpointAware",
            app =>
            {
                app.UseAspNetCore(web =>
                {
                    web.UseAuthorization();
                    web.UseRateLimiter();
                    web.UseOutputCache();
                });
                app.MapGet("/api/items/{id:int}", Handler);
                app.MapGet("/api/admin", () => "admin").RequireAuthorization("admin").RequireRateLimiting("api").CacheOutput();
            },
            builder =>
            {
                builder.Services.AddAuthorization(o => o.AddPolicy("admin", p => p.RequireClaim("role", "admin")));
                builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", w =>
                {
                    w.PermitLimit = 1_000_000;
                    w.Window = TimeSpan.FromSeconds(1);
                }));
                builder.Services.AddOutputCache();
            });
        Start("PulyaBearer", app => app.MapGroup("/api").RequireBearerToken("s3cret").MapGet("/items/{id:int}", Handler), null, ("Authorization", "Bearer s3cret"));
        Start("PulyaCors", app => app.UseCors().MapGet("/api/items/{id:int}", Handler), builder => builder.Pulya.AddCors(p => p.AllowedOrigins.Add("https://app.example.com")), ("Origin", "https://app.example.com"));
        Start(
            "AspNetCoreCors",
            app => app.UseAspNetCore(web => web.UseCors(p => p.WithOrigins("https://app.example.com"))).MapGet("/api/items/{id:int}", Handler),
            builder => builder.Services.AddCors(),
            ("Origin", "https://app.example.com"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var host in _hosts)
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public int NoBridge() => Run("None");

    [Benchmark]
    public int BridgeWithoutMiddleware() => Run("BridgeEmpty");

    [Benchmark]
    public int JwtAndAuthorizationOnAnonymousRoute() => Run("BridgeAuthAnonymous");

    /// <summary>Authorization, the rate limiter and the output cache in the bridge, on a route without their metadata.</summary>
    [Benchmark]
    public int EndpointAwareMiddlewareOnRouteWithoutMetadata() => Run("BridgeEndpointAware");

    [Benchmark]
    public int JwtAndAuthorizationOnSkippedRoute() => Run("BridgeAuthSkipped");

    [Benchmark]
    public int JwtAndAuthorizationOnProtectedRoute() => Run("BridgeAuthProtected");

    [Benchmark]
    public int NoBridgePooled() => Run("NonePooled");

    [Benchmark]
    public int BridgeWithoutMiddlewarePooled() => Run("BridgeEmptyPooled");

    [Benchmark]
    public int JwtAndAuthorizationOnAnonymousRoutePooled() => Run("BridgeAuthAnonymousPooled");

    [Benchmark]
    public int JwtAndAuthorizationOnProtectedRoutePooled() => Run("BridgeAuthProtectedPooled");

    [Benchmark]
    public int PulyaBearerHook() => Run("PulyaBearer");

    [Benchmark]
    public int PulyaCors() => Run("PulyaCors");

    [Benchmark]
    public int AspNetCoreCors() => Run("AspNetCoreCors");

    private static PulyaApplication Auth(PulyaApplication app) => app.UseAspNetCore(web =>
    {
        web.UseAuthentication();
        web.UseAuthorization();
    });

    private static void Jwt(PulyaApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters { ValidIssuer = "bench", ValidAudience = "bench", IssuerSigningKey = Key };
        });
        builder.Services.AddAuthorization(o => o.AddPolicy("admin", p => p.RequireClaim("role", "admin")));
    }

    /// <summary>Pooled request contexts (the <c>ObjectPool</c> provider), after <paramref name="configure"/>.</summary>
    private static void Pooled(Action<PulyaApplicationBuilder> configure, PulyaApplicationBuilder builder)
    {
        configure(builder);
        Pooled(builder);
    }

    private static void Pooled(PulyaApplicationBuilder builder) => builder.Pulya.AddPooling(o => o.Enabled = true);

    private int Run(string name)
    {
        var (application, request) = _apps[name];
        request.Run(application);
        return request.StatusCode;
    }

    private void Start(string name, Action<PulyaApplication> map, Action<PulyaApplicationBuilder>? configure = null, params (string Name, string Value)[] headers)
    {
        var builder = PulyaApplication.CreateBuilder().UseTestServer();
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        var host = PulyaTestClient.StartAsync(app).GetAwaiter().GetResult();
        _hosts.Add(host);
        var application = host.Application.Services.GetRequiredService<PulyaServer>().Application!;
        var request = new DirectRequest("GET", "/api/items/42", headers: headers.Select(h => KeyValuePair.Create(h.Name, h.Value)));
        request.Run(application);
        SetupCheck.That(request.ResponseText == Body, $"{name}: unexpected response {request.StatusCode} {request.ResponseText}");
        _apps[name] = (application, request);
    }

    public sealed record Item(int Id, string Name);
}
