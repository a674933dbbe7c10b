using Pulya.Http;

namespace Pulya.Middleware;

/// <summary>
/// Answers CORS per a <see cref="CorsPolicy"/>. A preflight (<c>OPTIONS</c> with <c>Access-Control-Request-Method</c>) is
/// answered here with 204, for any path, without running the rest of the pipeline: with the <c>Access-Control-Allow-*</c>
/// headers when origin, method and headers are allowed, without them otherwise (the browser then refuses the request).
/// Other requests run normally; when their origin is allowed the result gets <c>Access-Control-Allow-Origin</c> (and
/// credentials and exposed headers as configured). Every response the policy makes depend on the origin carries
/// <c>Vary: Origin</c>, so shared caches keep the variants apart. Policy lookups are precomputed; a request without
/// <c>Origin</c> and a wildcard policy costs one header lookup.
/// </summary>
public sealed class CorsMiddleware : IPulyaMiddleware
{
    private readonly HashSet<string> _origins;
    private readonly bool _anyOrigin;
    private readonly bool _credentials;
    private readonly HashSet<string> _methods;
    private readonly string _methodsHeader;
    private readonly HashSet<string> _headers;
    private readonly bool _anyHeader;
    private readonly string? _exposedHeaders;
    private readonly string? _maxAge;

    /// <summary>Creates the middleware for <paramref name="policy"/>, validated and copied: later changes to the policy have no effect.</summary>
    /// <exception cref="InvalidOperationException">The policy is not valid; the message names the configuration key.</exception>
    public CorsMiddleware(CorsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        _anyOrigin = policy.AllowedOrigins.Contains("*");
        _origins = new HashSet<string>(policy.AllowedOrigins, StringComparer.Ordinal);
        _credentials = policy.AllowCredentials;
        _methods = new HashSet<string>(policy.EffectiveMethods, StringComparer.OrdinalIgnoreCase);
        _methodsHeader = string.Join(", ", policy.EffectiveMethods.Select(m => m.ToUpperInvariant()));
        _anyHeader = policy.AllowedHeaders.Contains("*");
        _headers = new HashSet<string>(policy.AllowedHeaders, StringComparer.OrdinalIgnoreCase);
        _exposedHeaders = policy.ExposedHeaders.Count == 0 ? null : string.Join(", ", policy.ExposedHeaders);
        _maxAge = policy.MaxAgeSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether answers differ per origin: all but a wildcard policy without credentials.</summary>
    private bool VariesByOrigin => !_anyOrigin || _credentials;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(PulyaRequest request, PulyaRequestDelegate next)
    {
        var origin = request.Headers.Get("Origin");
        if (origin is null)
        {
            var plain = await next(request);
            return VariesByOrigin ? Response.From(plain).WithHeader("Vary", "Origin") : plain;
        }

        var allowed = _anyOrigin || _origins.Contains(origin);
        if (request.Method == "OPTIONS" && request.Headers.Get("Access-Control-Request-Method") is { } requestedMethod)
        {
            return Preflight(request, origin, allowed, requestedMethod);
        }

        var response = Response.From(await next(request));
        if (allowed)
        {
            AllowOrigin(response, origin);
            if (_exposedHeaders is not null)
            {
                response.WithHeader("Access-Control-Expose-Headers", _exposedHeaders);
            }
        }

        if (VariesByOrigin)
        {
            response.WithHeader("Vary", "Origin");
        }

        return response;
    }

    private Response Preflight(PulyaRequest request, string origin, bool originAllowed, string requestedMethod)
    {
        var response = Response.Status(204);
        if (VariesByOrigin)
        {
            response.WithHeader("Vary", "Origin");
        }

        var requestedHeaders = request.Headers.Get("Access-Control-Request-Headers");
        if (!originAllowed || !_methods.Contains(requestedMethod) || !HeadersAllowed(requestedHeaders))
        {
            return response;
        }

        AllowOrigin(response, origin);
        response.WithHeader("Access-Control-Allow-Methods", _methodsHeader);
        if (!string.IsNullOrWhiteSpace(requestedHeaders))
        {
            response.WithHeader("Access-Control-Allow-Headers", requestedHeaders);
        }

        if (_maxAge is not null)
        {
            response.WithHeader("Access-Control-Max-Age", _maxAge);
        }

        return response;
    }

    private bool HeadersAllowed(string? requested)
    {
        if (_anyHeader || string.IsNullOrWhiteSpace(requested))
        {
            return true;
        }

        foreach (var name in requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!_headers.Contains(name))
            {
                return false;
            }
        }

        return true;
    }

    private void AllowOrigin(Response response, string origin)
    {
        response.WithHeader("Access-Control-Allow-Origin", _anyOrigin && !_credentials ? "*" : origin);
        if (_credentials)
        {
            response.WithHeader("Access-Control-Allow-Credentials", "true");
        }
    }
}
