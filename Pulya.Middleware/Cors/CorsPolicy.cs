namespace Pulya.Middleware;

/// <summary>
/// Which cross-origin requests browsers may make: origins, methods and headers allowed, headers exposed, credentials and
/// how long a preflight answer may be cached. Registered with <c>builder.Pulya.AddCors(configure?)</c>, which binds it to
/// the <c>Pulya:Cors</c> configuration section, then applies the code's changes, and validates it at start-up (errors name
/// the configuration key).
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

    /// <summary>Checks the policy as a whole.</summary>
    /// <exception cref="InvalidOperationException">A value is not valid; the message names its key.</exception>
    internal void Validate()
    {
        if (Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }

    /// <summary>What is wrong with the policy, naming the configuration key; null when it is valid.</summary>
    internal string? Problem()
    {
        if (AllowedOrigins.Count == 0)
        {
            return Invalid(nameof(AllowedOrigins), "at least one origin (or '*') is required");
        }

        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            var origin = AllowedOrigins[i];
            if (origin == "*")
            {
                if (AllowCredentials)
                {
                    return Invalid($"{nameof(AllowedOrigins)}:{i}", $"'*' cannot be combined with {nameof(AllowCredentials)}: list the origins");
                }

                continue;
            }

            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.GetLeftPart(UriPartial.Authority) != origin)
            {
                return Invalid($"{nameof(AllowedOrigins)}:{i}", $"'{origin}' is not an origin like https://example.com or '*'");
            }
        }

        for (var i = 0; i < AllowedMethods.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(AllowedMethods[i]) || AllowedMethods[i].Any(c => !char.IsAsciiLetter(c)))
            {
                return Invalid($"{nameof(AllowedMethods)}:{i}", $"'{AllowedMethods[i]}' is not an HTTP method");
            }
        }

        return null;
    }

    private static string Invalid(string key, string problem) => $"{SectionName}:{key}: {problem}.";
}
