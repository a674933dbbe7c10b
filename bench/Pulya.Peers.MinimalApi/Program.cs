using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Pulya.Peers.MinimalApi;

// Same routes and bodies as samples/Pulya.Sample (SampleApp.cs), written the way a Minimal APIs user would (PeerApp).
// --Sample:GitHubRoutes=true serves the GitHub API route set instead (every template to one handler).
// --Peer:Trio=true: only /plaintext, /json and /users/{id:int} on WebApplication.CreateSlimBuilder, the peer of
// bench/Pulya.Trio for the start-up, memory and per-request comparison.
if (args.Any(a => a.Equals("--Peer:Trio=true", StringComparison.OrdinalIgnoreCase)))
{
    var slim = WebApplication.CreateSlimBuilder(args);
    slim.Logging.SetMinimumLevel(LogLevel.Warning);
    slim.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
    var trio = slim.Build();
    trio.MapGet("/plaintext", () => "Hello, World!");
    trio.MapGet("/json", () => new HelloMessage("Hello, World!"));
    trio.MapGet("/users/{id:int}", (int id) => new User(id, $"user {id}"));
    await trio.RunAsync();
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
PeerApp.ConfigureServices(builder.Services);
// --Peer:AspNetCoreAuth=true: the /api group of samples/Pulya.Sample with the same middleware (JwtBearer, an authorization
// policy on the scope claim, a fixed-window rate limiter per user), for the load tool's aspnetcore-auth comparison.
var auth = string.Equals(builder.Configuration["Peer:AspNetCoreAuth"], "true", StringComparison.OrdinalIgnoreCase);
if (auth)
{
    var jwt = builder.Configuration.GetSection("Sample:Jwt");
    builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
    {
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt["Issuer"] ?? "pulya-sample",
            ValidAudience = jwt["Audience"] ?? "pulya-sample-api",
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt["SigningKey"] ?? "development-only-signing-key-override-it-in-production")),
            NameClaimType = "sub",
        };
    });
    builder.Services.AddAuthorization(o => o.AddPolicy("api", p => p.RequireClaim("scope", "api")));
    // As the sample: 1,000,000 permits a second per user (never refuses a load test) unless Sample:ApiRateLimitPermits says otherwise.
    var permits = builder.Configuration.GetValue("Sample:ApiRateLimitPermits", 1_000_000);
    builder.Services.AddRateLimiter(o => o.AddPolicy("per-user", http => RateLimitPartition.GetFixedWindowLimiter(
        http.User.Identity?.Name ?? "anonymous",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(1) })));
}

var app = builder.Build();
if (auth)
{
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();
    app.MapGroup("/api").RequireAuthorization("api").RequireRateLimiting("per-user").MapGet("/users/{id:int}", (int id) => new User(id, $"user {id}"));
}

if (string.Equals(app.Configuration["Sample:GitHubRoutes"], "true", StringComparison.OrdinalIgnoreCase))
{
    PeerApp.MapGitHubRoutes(app, Path.Combine(AppContext.BaseDirectory, "routes", "github.routes"));
}
else
{
    PeerApp.MapRoutes(app);
}

await app.RunAsync();
