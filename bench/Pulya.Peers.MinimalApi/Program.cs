using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using Pulya.Peers.MinimalApi;

// Same routes and bodies as samples/Pulya.Sample (SampleApp.cs), written the way a Minimal APIs user would.
// --Sample:GitHubRoutes=true serves the GitHub API route set instead (every template to one handler).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<UserService>();
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
    builder.Services.AddRateLimiter(o => o.AddPolicy("per-user", http => RateLimitPartition.GetFixedWindowLimiter(
        http.User.Identity?.Name ?? "anonymous",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = 1_000_000, Window = TimeSpan.FromSeconds(1) })));
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
    foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "routes", "github.routes")))
    {
        var parts = line.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && parts[0].Length > 0 && parts[0][0] != '#')
        {
            app.MapMethods(parts[1], [parts[0]], () => new SuccessResult(true));
        }
    }
}
else
{
    app.MapGet("/", () => new SuccessResult(true));

    app.MapGet("/wiring/{name}", (string name, UserService user, HttpRequest request) => new Wiring(
        "ok",
        user.Describe(),
        name,
        [.. request.Headers.SelectMany(h => h.Value.Select(v => new[] { h.Key, v ?? string.Empty }))]));

    app.MapGet("/headers/", ([FromHeader(Name = "X-Example")] string? example) => new Dictionary<string, string?> { ["x-example"] = example });

    app.MapGet("/plain_response/", () => Results.Text("Hello in plain text!"));
    app.MapGet("/bytes/", () => Results.Bytes("Hello in plain text!"u8.ToArray()));
    app.MapGet("/str/", () => "Hello in plain text!");

    app.MapPost("/echo", (EchoBody body) => body);

    for (var i = 0; i < 100; i++)
    {
        var route = i;
        app.MapGet($"/some/{{id}}/and/{{another}}/{i}/other", (string id, string another) => new DynamicResult(id, another, route));
    }

    app.MapGet("/last_route", () => new SuccessResult(true));

    app.MapGet("/plaintext", () => "Hello, World!");
    app.MapGet("/json", () => new HelloMessage("Hello, World!"));
    app.MapGet("/users/{id:int}", (int id) => new User(id, $"user {id}"));
}

await app.RunAsync();
