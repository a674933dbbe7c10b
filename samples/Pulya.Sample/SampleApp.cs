using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pulya.AspNetCore;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Middleware;

namespace Pulya.Sample;

/// <summary>
/// The port of the Python framework's example application (the one its benchmarks use). Tests and the load tool
/// build the same application through these two methods.
/// </summary>
public static class SampleApp
{
    /// <summary>How many <c>/some/{id}/and/{another}/{i}/other</c> routes stand before <c>/last_route</c>.</summary>
    public const int DynamicRouteCount = 100;

    /// <summary>The command-line key that makes <c>Program</c> use <see cref="PulyaApplication.CreateSlimBuilder"/>.</summary>
    public const string SlimBuilderKey = "Sample:SlimBuilder";

    /// <summary>Whether <paramref name="args"/> ask for the slim builder (<c>--Sample:SlimBuilder=true</c>); read before any builder exists.</summary>
    public static bool UsesSlimBuilder(string[] args) =>
        string.Equals(new ConfigurationBuilder().AddCommandLine(args).Build()[SlimBuilderKey], "true", StringComparison.OrdinalIgnoreCase);

    public static void ConfigureServices(PulyaApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserService>();
        // Modules: registered here, switched on by configuration (e.g. --Pulya:Router=Trie, --Pulya:Pooling:Enabled=true).
        builder.Pulya.AddTrieRouter().AddRouteCache().AddNewtonsoftJson().AddMessagePack().AddPooling();
        // DataAnnotations on bound arguments (POST /signups); endpoints without rules get no validation stage.
        builder.Pulya.AddValidation();
        // The /api group: JwtBearer tokens signed with Sample:Jwt:SigningKey, and a policy on their scope claim.
        var configuration = builder.Configuration;
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = configuration[JwtIssuerKey],
                ValidAudience = configuration[JwtAudienceKey],
                IssuerSigningKey = SigningKey(configuration),
                NameClaimType = "sub",
            };
        });
        builder.Services.AddAuthorization(o => o.AddPolicy(ApiPolicy, p => p.RequireClaim("scope", "api")));
        // Sample:ApiRateLimit=true: a fixed window per user on the /api group (generous: it does the work, never refuses
        // under a load test), for the load tool's aspnetcore-auth profile against the Minimal APIs peer.
        // Sample:ApiRateLimitPermits lowers the permits a second (tests check that the limiter is really there).
        var permits = configuration.GetValue(ApiRateLimitPermitsKey, 1_000_000);
        builder.Services.AddRateLimiter(o => o.AddPolicy(ApiRateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.User.Identity?.Name ?? "anonymous",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(1) })));
        builder.Pulya.AddOpenApi(configure: o => o.Title = "Pulya sample");
        // ConnectionStrings:Redis set: the output cache and the data-protection keys shared by every instance (ScaleOut).
        ScaleOut.AddRedis(builder);
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI showing it at <c>/swagger</c>.</summary>
    public static void MapDocumentation(PulyaApplication app)
    {
        app.MapOpenApi();
        app.MapSwaggerUi();
    }

    /// <summary>
    /// ASP.NET Core middleware through Pulya's bridge: static files from <c>wwwroot</c> (<c>/index.html</c> with ETag and 304),
    /// then JwtBearer authentication and authorization for the routes that ask for it (the <c>/api</c> group).
    /// </summary>
    public static void UseAspNetCore(PulyaApplication app)
    {
        var rateLimit = Switch(app.Configuration, ApiRateLimitKey);
        var scaleOut = ScaleOut.IsEnabled(app.Configuration);
        app.UseAspNetCore(web =>
        {
            web.UseStaticFiles();
            web.UseAuthentication();
            web.UseAuthorization();
            if (rateLimit)
            {
                web.UseRateLimiter();
            }

            if (scaleOut)
            {
                UseOutputCache(web);
            }
        });
    }

    // A method of its own: composing the pipeline loads output caching only when scale-out is on.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseOutputCache(IApplicationBuilder web) => web.UseOutputCache();

    /// <summary>A token the <c>/api</c> group accepts, for <paramref name="subject"/>, valid for <paramref name="lifetime"/> (<c>dotnet run -- mint-token</c>).</summary>
    public static string MintToken(IConfiguration configuration, string subject, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("scope", "api")]),
            Issuer = configuration[JwtIssuerKey],
            Audience = configuration[JwtAudienceKey],
            Expires = DateTime.UtcNow.Add(lifetime),
            SigningCredentials = new SigningCredentials(SigningKey(configuration), SecurityAlgorithms.HmacSha256),
        });

    private static SymmetricSecurityKey SigningKey(IConfiguration configuration) =>
        new(Encoding.UTF8.GetBytes(configuration[JwtSigningKeyKey] ?? throw new InvalidOperationException($"{JwtSigningKeyKey} is not set.")));

    /// <summary><c>POST /signups</c>: a body with DataAnnotations, validated before the handler (400 lists every failing member).</summary>
    public static void MapValidated(RouteMapper app) =>
        app.MapPost("/signups", ([Body] Signup signup) => Response.Serialized(signup, 201));

    public static void MapRoutes(RouteMapper app)
    {
        app.MapGet("/", () => new SuccessResult(true));

        app.MapGet("/wiring/{name}", (string name, UserService user, PulyaRequest request) => new Wiring(
            "ok",
            user.Describe(),
            name,
            [.. request.Headers.SelectMany(h => h.Value.Select(v => new[] { h.Key, v ?? string.Empty }))]));

        app.MapGet("/headers/", ([Header("X-Example")] string? example) => new Dictionary<string, string?> { ["x-example"] = example });

        app.MapGet("/plain_response/", () => Response.Text("Hello in plain text!"));
        app.MapGet("/bytes/", () => "Hello in plain text!"u8.ToArray());
        app.MapGet("/str/", () => "Hello in plain text!");

        app.MapPost("/echo", ([Body] EchoBody body) => body);

        for (var i = 0; i < DynamicRouteCount; i++)
        {
            var route = i;
            app.MapGet($"/some/{{id}}/and/{{another}}/{i}/other", (string id, string another) => new DynamicResult(id, another, route));
        }

        app.MapGet("/last_route", () => new SuccessResult(true));

        // The three endpoints every framework benchmark has: a constant text, a tiny JSON object, a route parameter.
        app.MapGet("/plaintext", () => PlainText);
        app.MapGet("/json", () => new HelloMessage(PlainText));
        app.MapGet("/users/{id:int}", (int id) => new ApiUser(id, $"user {id}"));
    }

    /// <summary>The body of <c>GET /plaintext</c> and the message of <c>GET /json</c>.</summary>
    public const string PlainText = "Hello, World!";

    /// <summary>
    /// Application middleware: request logging (method, path, status, duration) when <c>Sample:RequestLogging</c> is
    /// true. Off by default, so that the load tool measures the routes without a log line per request. With
    /// <c>Sample:PassThroughMiddleware</c> true, one middleware that only calls the next one is added, so the load tool
    /// can measure what the presence of application middleware costs (the <c>middleware</c> profile).
    /// </summary>
    /// <summary>
    /// A boolean switch of the sample's configuration: absent is false, a value other than <c>true</c> or <c>false</c>
    /// stops the start-up, as the configuration binder would; without the binder's <c>TypeDescriptor</c> path, which loads
    /// System.ComponentModel.TypeConverter (0.8 MB resident) just to read a boolean.
    /// </summary>
    internal static bool Switch(IConfiguration configuration, string key) => configuration[key] switch
    {
        null => false,
        var value when bool.TryParse(value, out var on) => on,
        var value => throw new InvalidOperationException($"Failed to convert configuration value '{value}' at '{key}' to type 'System.Boolean'."),
    };

    public static void UseMiddleware(PulyaApplication app)
    {
        if (Switch(app.Configuration, RequestLoggingKey))
        {
            app.UseRequestLogging();
        }

        if (Switch(app.Configuration, PassThroughMiddlewareKey))
        {
            app.Use((request, next) => next(request));
        }
    }

    /// <summary>
    /// A service-style part: the <c>/api</c> route group, whose routes need a JWT (<c>Authorization: Bearer</c>) signed with
    /// <c>Sample:Jwt:SigningKey</c> and carrying <c>scope: api</c> (401 without one, 403 without the scope; before the body is
    /// read), and an endpoint filter that checks a user before it is created. Needs <see cref="UseAspNetCore"/>.
    /// </summary>
    public static void MapApi(PulyaApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(ApiPolicy).WithTags("users")
            .WithMetadata(new AuthenticationRequirement(JwtBearerDefaults.AuthenticationScheme));
        if (Switch(app.Configuration, ApiRateLimitKey))
        {
            api.RequireRateLimiting(ApiRateLimitPolicy);
        }

        api.MapGet("/users/{id:int}", (int id) => new ApiUser(id, $"user {id}")).WithName("GetApiUser").WithSummary("A user by id");
        api.MapGet("/me", (ClaimsPrincipal user) => new ApiUser(0, user.Identity!.Name!));
        api.MapPost("/users", ([Body] ApiUser user) => Response.Serialized(user, 201).WithHeader("Location", $"/api/users/{user.Id}"))
            .AddEndpointFilter((context, next) => context.Arguments[0] is ApiUser { Id: > 0, Name.Length: > 0 }
                ? next(context)
                : new ValueTask<object?>(Response.Serialized(new ApiError("A user needs an id above 0 and a name."), 422)))
            .WithName("CreateApiUser")
            .Produces<ApiUser>(201)
            .Produces<ApiError>(422);
    }

    /// <summary>The configuration key that adds the per-user rate limiter to the <c>/api</c> group.</summary>
    public const string ApiRateLimitKey = "Sample:ApiRateLimit";

    /// <summary>The permits a second of each user's window (1,000,000 unless set: a load test is never refused).</summary>
    public const string ApiRateLimitPermitsKey = "Sample:ApiRateLimitPermits";

    /// <summary>The rate limiter policy of the <c>/api</c> group when <see cref="ApiRateLimitKey"/> is true.</summary>
    public const string ApiRateLimitPolicy = "per-user";

    /// <summary>The authorization policy of the <c>/api</c> group: a token with <c>scope: api</c>.</summary>
    public const string ApiPolicy = "api";

    /// <summary>The configuration keys of the tokens: issuer, audience and the HMAC-SHA256 signing key (32 bytes or more).</summary>
    public const string JwtIssuerKey = "Sample:Jwt:Issuer";

    /// <summary>The audience the tokens are issued for.</summary>
    public const string JwtAudienceKey = "Sample:Jwt:Audience";

    /// <summary>The signing key; the one in appsettings.json is for development only (set <c>Sample__Jwt__SigningKey</c> in production).</summary>
    public const string JwtSigningKeyKey = "Sample:Jwt:SigningKey";

    /// <summary>The configuration key that switches request logging on.</summary>
    public const string RequestLoggingKey = "Sample:RequestLogging";

    /// <summary>The configuration key that adds one pass-through application middleware.</summary>
    public const string PassThroughMiddlewareKey = "Sample:PassThroughMiddleware";
}

public sealed record ApiUser(int Id, string Name);

/// <summary>A validated body: a 400 lists every failing member (<c>builder.Pulya.AddValidation()</c>).</summary>
public sealed record Signup(
    [Required, StringLength(32, MinimumLength = 2)] string? Name,
    [Required, EmailAddress] string? Email,
    [Range(13, 130)] int Age);

public sealed record ApiError(string Error);

public sealed record HelloMessage(string Message);

public sealed record SuccessResult(bool Success);

public sealed record Wiring(string Test, string User, string Name, string[][] Headers);

public sealed record DynamicResult(string Id, string Another, int Route);

public sealed class EchoBody
{
    public List<EchoItem> Items { get; set; } = [];
}

public sealed class EchoItem
{
    public string? A { get; set; }
    public string? B { get; set; }
    public string? C { get; set; }
    public string? D { get; set; }
    public string? E { get; set; }
    public string? F { get; set; }
    public string? G { get; set; }
}

/// <summary>A scoped service that reads the current request, as the Python example's DI wiring does.</summary>
public sealed class UserService(PulyaRequest request)
{
    public string Describe() => $"<User {request.Path}>";
}
