using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Pulya.LoadTest;

/// <summary>
/// The bearer token of the authenticated scenarios: a JWT (HS256) with <c>sub</c> and <c>scope: api</c>, signed with the
/// sample's development key (<c>Sample:Jwt</c> of <c>samples/Pulya.Sample/appsettings.json</c>), which the sample's
/// <c>/api</c> group and the Minimal APIs peer run with <c>--Peer:AspNetCoreAuth=true</c> both accept.
/// </summary>
internal static class ApiToken
{
    /// <summary>The subject of the token: every request of a run comes from one user (one rate-limiter partition).</summary>
    public const string Subject = "load-test";

    /// <summary>A token valid for a day from <paramref name="now"/>, with the sample's issuer, audience and key.</summary>
    public static string Mint(string repositoryRoot, DateTimeOffset now)
    {
        var jwt = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repositoryRoot, "samples", "Pulya.Sample", "appsettings.json"), optional: false, reloadOnChange: false)
            .Build()
            .GetSection("Sample:Jwt");
        string Setting(string key) => jwt[key] ?? throw new InvalidDataException($"samples/Pulya.Sample/appsettings.json has no Sample:Jwt:{key}.");
        return Mint(Setting("Issuer"), Setting("Audience"), Setting("SigningKey"), Subject, now, TimeSpan.FromDays(1));
    }

    /// <summary>A JWT signed with HMAC-SHA256 under <paramref name="signingKey"/> (UTF-8), valid from <paramref name="now"/> for <paramref name="lifetime"/>.</summary>
    public static string Mint(string issuer, string audience, string signingKey, string subject, DateTimeOffset now, TimeSpan lifetime)
    {
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = new MemoryStream();
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("sub", subject);
            json.WriteString("scope", "api");
            json.WriteString("iss", issuer);
            json.WriteString("aud", audience);
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("nbf", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", now.Add(lifetime).ToUnixTimeSeconds());
            json.WriteEndObject();
        }

        var unsigned = header + "." + Base64Url.EncodeToString(payload.ToArray());
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64Url.EncodeToString(signature);
    }
}
