using Microsoft.Extensions.Configuration;

namespace Pulya.Middleware;

/// <summary>
/// Which cross-origin requests browsers may make: origins, methods and headers allowed, headers exposed, credentials and
/// how long a preflight answer may be cached. Read from the <c>Pulya:Cors</c> configuration section and/or set in code;
/// validated once, when the middleware is added, with errors naming the configuration key.
/// </summary>
public sealed class CorsPolicy
{
    /// <summary>The configuration section the policy is read from: <c>Pulya:Cors</c>.</summary>
    public const string SectionName = "Pulya:Cors";

    private static readonly string[] SafelistedMethods = ["GET", "HEAD", "POST"];
    private int? _maxAgeSeconds;

    /// <summary>Allowed origins, e.g. <c>https://app.example.com</c> (scheme, host and optional port; no path), or <c>*</c> for any. Required: defaults to none.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Allowed methods for preflighted requests. Defaults to none listed, which allows GET, HEAD and POST.</summary>
    public IList<string> AllowedMethods { get; } = [];

    /// <summary>Request headers a cross-origin request may send (case-insensitive), or <c>*</c> for any. Defaults to none.</summary>
    public IList<string> AllowedHeaders { get; } = [];

    /// <summary>Response headers a browser script may read besides the CORS-safelisted ones. Defaults to none.</summary>
    public IList<string> ExposedHeaders { get; } = [];

    /// <summary>Whether cookies and credentials are allowed (<c>Access-Control-Allow-Credentials: true</c>); not with origin <c>*</c>. Defaults to false.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>How long, in seconds, a browser may cache a preflight answer (<c>Access-Control-Max-Age</c>); null sends none. Defaults to null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxAgeSeconds
    {
        get => _maxAgeSeconds;
        set
        {
            if (value is { } seconds)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(seconds);
            }

            _maxAgeSeconds = value;
        }
    }

    /// <summary>The methods allowed in effect: <see cref="AllowedMethods"/>, or GET, HEAD and POST when none are listed.</summary>
    internal IReadOnlyList<string> EffectiveMethods => AllowedMethods.Count == 0 ? SafelistedMethods : [.. AllowedMethods];

    /// <summary>Reads the policy from <paramref name="section"/> (keys as the property names; lists as arrays).</summary>
    /// <exception cref="InvalidOperationException">A value is not valid; the message names its key.</exception>
    internal static CorsPolicy FromConfiguration(IConfiguration section)
    {
        var policy = new CorsPolicy();
        Add(policy.AllowedOrigins, section.GetSection(nameof(AllowedOrigins)));
        Add(policy.AllowedMethods, section.GetSection(nameof(AllowedMethods)));
        Add(policy.AllowedHeaders, section.GetSection(nameof(AllowedHeaders)));
        Add(policy.ExposedHeaders, section.GetSection(nameof(ExposedHeaders)));
        if (section[nameof(AllowCredentials)] is { } credentials)
        {
            policy.AllowCredentials = bool.TryParse(credentials, out var allow)
                ? allow
                : throw Invalid(nameof(AllowCredentials), $"'{credentials}' is not true or false");
        }

        if (section[nameof(MaxAgeSeconds)] is { } maxAge)
        {
            policy.MaxAgeSeconds = int.TryParse(maxAge, out var seconds) && seconds >= 0
                ? seconds
                : throw Invalid(nameof(MaxAgeSeconds), $"'{maxAge}' is not a whole number of seconds, 0 or more");
        }

        return policy;
    }

    /// <summary>Checks the policy as a whole.</summary>
    /// <exception cref="InvalidOperationException">A value is not valid; the message names its key.</exception>
    internal void Validate()
    {
        if (AllowedOrigins.Count == 0)
        {
            throw Invalid(nameof(AllowedOrigins), "at least one origin (or '*') is required");
        }

        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            var origin = AllowedOrigins[i];
            if (origin == "*")
            {
                if (AllowCredentials)
                {
                    throw Invalid($"{nameof(AllowedOrigins)}:{i}", $"'*' cannot be combined with {nameof(AllowCredentials)}: list the origins");
                }

                continue;
            }

            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.GetLeftPart(UriPartial.Authority) != origin)
            {
                throw Invalid($"{nameof(AllowedOrigins)}:{i}", $"'{origin}' is not an origin like https://example.com or '*'");
            }
        }

        for (var i = 0; i < AllowedMethods.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(AllowedMethods[i]) || AllowedMethods[i].Any(c => !char.IsAsciiLetter(c)))
            {
                throw Invalid($"{nameof(AllowedMethods)}:{i}", $"'{AllowedMethods[i]}' is not an HTTP method");
            }
        }
    }

    private static void Add(IList<string> list, IConfigurationSection section)
    {
        foreach (var child in section.GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(child.Value))
            {
                list.Add(child.Value.Trim());
            }
        }
    }

    private static InvalidOperationException Invalid(string key, string problem) => new($"{SectionName}:{key}: {problem}.");
}
