using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.AspNetCore.Tests;

/// <summary>Starts applications with the bridge for the tests, with the test folder (and its wwwroot) as content root.</summary>
internal static class BridgeApp
{
    /// <summary>The symmetric key the tests sign their JWTs with (256 bits).</summary>
    public static readonly SymmetricSecurityKey SigningKey = new(Encoding.UTF8.GetBytes("a-test-signing-key-of-32-bytes!!"));

    public const string Issuer = "https://issuer.test";

    public const string Audience = "pulya-tests";

    public static Task<PulyaTestClient> StartAsync(TestTransport transport, Action<PulyaApplication> configure, Action<PulyaApplicationBuilder>? configureBuilder = null) =>
        PulyaTestClient.StartAsync(transport, configure, configureBuilder, $"--contentRoot={AppContext.BaseDirectory}");

    /// <summary>A JWT for <paramref name="name"/> with the given extra claims, signed with <see cref="SigningKey"/>.</summary>
    public static string Token(string name, params (string Type, string Value)[] claims)
    {
        var identity = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, name), new Claim("name", name), .. claims.Select(c => new Claim(c.Type, c.Value))]);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>JwtBearer options validating <see cref="Token"/>'s tokens, claim types as issued ("role", "name").</summary>
    public static void Configure(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = Validation;
    }

    /// <summary>A client that does not follow redirects (the in-memory one never does).</summary>
    public static HttpClient NoRedirects(PulyaTestClient client) =>
        client.BaseAddress is null ? client.CreateClient() : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = client.BaseAddress };

    /// <summary>The validation parameters matching <see cref="Token"/>.</summary>
    public static TokenValidationParameters Validation => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
        NameClaimType = "name",
    };

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }
}
