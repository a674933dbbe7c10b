using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Pulya.Http;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Pipeline;

/// <summary>
/// The state of one request: the server's features, the route match (values kept as ranges of the path), the lazily
/// created query, items and service scope, and the body once read. Reusable: <see cref="Reset"/> drops every reference
/// to the previous request, so a pooled instance can never show one request's data to another.
/// </summary>
internal sealed class PulyaContext : PulyaRequest, IPoolable
{
    private static readonly IHeaderDictionary EmptyHeaders = new HeaderDictionary();

    /// <summary>The key of <see cref="Failure"/> in the items; private, so no application can collide with it.</summary>
    private static readonly object FailureKey = new();

    private readonly PipelineServices _pipeline;
    private readonly Headers _headers;
    private IFeatureCollection? _features;
    private IHttpRequestFeature? _request;
    private Dictionary<string, StringValues>? _query;
    private Dictionary<object, object?>? _items;
    private IServiceScope? _scope;
    private byte _negotiated;
    private string? _routedPath;

    /// <summary>The outcome of <see cref="MatchRoute"/>: the route found, the methods the path allows, or null.</summary>
    private object? _matched;

    public PulyaContext(PipelineServices pipeline)
    {
        _pipeline = pipeline;
        RouteValues = new Range[Math.Max(1, pipeline.MaxParameterCount)];
        _headers = new Headers(EmptyHeaders);
    }

    /// <summary>The parameter ranges the router writes into; sized once for the table.</summary>
    public Range[] RouteValues { get; }

    /// <summary>The matched route's entry, once <see cref="MatchRoute"/> found one.</summary>
    public RouteEntry? MatchedRoute => _matched as RouteEntry;

    /// <summary>
    /// The request's route match, made once. The path it was made on is the one route values index into, and a later call
    /// (the route stage behind routed middleware) returns the same outcome: the route served, or the 404/405 answered, is
    /// the one routed middleware saw, even if the middleware changed the request's path or method.
    /// </summary>
    public RouteMatch MatchRoute()
    {
        if (_routedPath is null)
        {
            var path = _routedPath = Request.Path;
            var match = _pipeline.Router.Match(Method, path, RouteValues);
            _matched = (object?)match.Route ?? match.Allowed;
            return match;
        }

        return _matched switch
        {
            RouteEntry route => RouteMatch.Found(route),
            AllowedMethods allowed => RouteMatch.MethodNotAllowed(allowed),
            _ => RouteMatch.NotFound,
        };
    }

    /// <summary>The deserialized body, when the endpoint binds one.</summary>
    public object? BodyValue { get; set; }

    /// <summary>
    /// Whether the body was read (and <see cref="BodyValue"/> set): an endpoint run again for the same request (middleware
    /// that calls <c>next</c> twice) binds the same body instead of reading an exhausted stream.
    /// </summary>
    public bool BodyRead { get; set; }

    /// <summary>Whether the body was handed to a handler as a stream, which cannot be handed out a second time.</summary>
    public bool BodyStreamTaken { get; set; }

    /// <summary>
    /// The format the endpoint stage negotiated from <c>Accept</c>, for writing a result middleware returned; null when none
    /// was needed. Kept as a position in the registered serializers, a byte that fits beside the flags, so the context (one
    /// allocation per request without pooling) does not grow for it.
    /// </summary>
    public IPulyaSerializer? Negotiated
    {
        get => _negotiated == 0 ? null : _pipeline.Serializers.Answers[_negotiated - 1];
        set => _negotiated = value is null ? (byte)0 : checked((byte)(IndexOf(_pipeline.Serializers.Answers, value) + 1));
    }

    /// <summary>The request body bytes, held until the request ends; the buffer comes from <see cref="ArrayPool{T}.Shared"/>.</summary>
    public byte[]? BodyBuffer { get; set; }

    /// <summary>Whether body bytes went into the response writer: after that an error can no longer replace the response.</summary>
    public bool BodyStarted { get; set; }

    /// <summary>
    /// The exception that failed the request (answered with 500), for telemetry; null otherwise. Kept in the request's
    /// items (created only on that failure), so the context does not grow for it.
    /// </summary>
    public Exception? Failure
    {
        get => _items is not null && _items.TryGetValue(FailureKey, out var failure) ? (Exception?)failure : null;
        set => Items[FailureKey] = value;
    }

    /// <summary>The framework's options, validated at start-up.</summary>
    public PulyaOptions Options => _pipeline.Options;

    public IHttpResponseFeature Response { get; private set; } = null!;

    public IHttpResponseBodyFeature ResponseBody { get; private set; } = null!;

    public override string Method => Request.Method;

    public override string Path => Request.Path;

    public override string QueryString => Request.QueryString;

    public override Headers Headers => _headers;

    public override RouteEntry? Route => MatchedRoute;

    public override IServiceProvider Services
    {
        get
        {
            if (_scope is null)
            {
                _ = Features; // no scope for an ended request
                _scope = _pipeline.ScopeFactory.CreateScope();
                _scope.ServiceProvider.GetRequiredService<RequestHolder>().Request = this;
            }

            return _scope.ServiceProvider;
        }
    }

    public override IDictionary<object, object?> Items => _items ??= [];

    /// <summary>
    /// Read from the server on use, not per request: Kestrel's getter takes a lock and arms a cancellation source, work a
    /// request that never asks for the token should not pay. The feature is looked up on each read rather than kept, so the
    /// context does not grow for it (it keeps its <c>HttpContext</c> instead). <see cref="CancellationToken.None"/> once the
    /// request ended.
    /// </summary>
    public override CancellationToken RequestAborted => _features?.Get<IHttpRequestLifetimeFeature>()?.RequestAborted ?? CancellationToken.None;

    public override IFeatureCollection Features => _features ?? throw Ended();

    public bool IsHead => HttpMethods.IsHead(Request.Method);

    /// <summary>Points the context at a new request.</summary>
    public void Initialize(IFeatureCollection features)
    {
        _features = features;
        // Through the indexer with each type spelled out: Kestrel answers it with a few reference comparisons, where the
        // generic Get<T> behind GetRequiredFeature costs a generic virtual dispatch per call (which still answers a
        // missing feature, with its error).
        _request = features[typeof(IHttpRequestFeature)] as IHttpRequestFeature ?? features.GetRequiredFeature<IHttpRequestFeature>();
        Response = features[typeof(IHttpResponseFeature)] as IHttpResponseFeature ?? features.GetRequiredFeature<IHttpResponseFeature>();
        ResponseBody = features[typeof(IHttpResponseBodyFeature)] as IHttpResponseBodyFeature ?? features.GetRequiredFeature<IHttpResponseBodyFeature>();
        _headers.Attach(_request.Headers, _pipeline.Options.HeaderStrategy, _pipeline.HeaderLogger);
    }

    /// <summary>The shape error responses take (<c>Pulya:Errors</c>).</summary>
    public ErrorShape Errors => _pipeline.Errors;

    /// <summary>The request's scheme (<c>http</c>, <c>https</c>).</summary>
    public string Scheme => Request.Scheme;

    /// <summary>The request's protocol (<c>HTTP/1.1</c>, <c>HTTP/2</c>...).</summary>
    public string Protocol => Request.Protocol;

    /// <summary>The request headers as the server holds them, for trace context propagation.</summary>
    public IHeaderDictionary RequestHeaders => Request.Headers;

    /// <summary>
    /// Points <see cref="ResponseBody"/> at the response body feature the request's features hold now: routed middleware
    /// (compression, output caching) replaces it for the rest of the pipeline and puts the server's back afterwards.
    /// </summary>
    public void UseCurrentResponseBody() =>
        ResponseBody = Features[typeof(IHttpResponseBodyFeature)] as IHttpResponseBodyFeature ?? Features.GetRequiredFeature<IHttpResponseBodyFeature>();

    /// <summary>The request body as the server delivers it.</summary>
    public Stream RequestBody => Request.Body;

    /// <summary>The declared <c>Content-Length</c>, as the server already parsed it; null for chunked bodies.</summary>
    public long? RequestContentLength => Request.Headers.ContentLength;

    /// <summary>The server's request; after <see cref="Reset"/> (the request ended) any use throws instead of reading another request's data.</summary>
    private IHttpRequestFeature Request => _request ?? throw Ended();

    /// <summary>A route value, as a range of the path the route was matched on (not of a path middleware set later).</summary>
    public ReadOnlySpan<char> RouteSpan(int index) => (_routedPath ?? throw Ended()).AsSpan()[RouteValues[index]];

    public override string? GetRouteValue(string name)
    {
        var names = MatchedRoute?.Template.ParameterNames ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return RouteSpan(i).ToString();
            }
        }

        return null;
    }

    public override StringValues GetQuery(string name)
    {
        if (Request.QueryString.Length <= 1)
        {
            return StringValues.Empty;
        }

        _query ??= QueryHelpers.ParseQuery(Request.QueryString);
        return _query.TryGetValue(name, out var values) ? values : StringValues.Empty;
    }

    /// <summary>Disposes the request's service scope, if one was created.</summary>
    public ValueTask DisposeScopeAsync()
    {
        var scope = _scope;
        _scope = null;
        return scope is IAsyncDisposable async ? async.DisposeAsync() : ValueTask.CompletedTask;
    }

    private static int IndexOf(IReadOnlyList<IPulyaSerializer> serializers, IPulyaSerializer serializer)
    {
        for (var i = 0; ; i++)
        {
            if (ReferenceEquals(serializers[i], serializer))
            {
                return i;
            }
        }
    }

    /// <summary>
    /// Empties the items for the next request this instance serves: a small dictionary is kept, emptied (a request that uses
    /// items, as ASP.NET Core's authorization middleware does on every request with an endpoint, then allocates none), a
    /// larger one is dropped. As the instance itself, it must not be kept past its request.
    /// </summary>
    private void ClearItems()
    {
        if (_items is { Count: <= MaxKeptItems } items)
        {
            items.Clear();
        }
        else
        {
            _items = null;
        }
    }

    /// <summary>The most items a dictionary may have held to be kept for the next request (its capacity stays what it grew to).</summary>
    private const int MaxKeptItems = 16;

    private static ObjectDisposedException Ended() =>
        new(nameof(PulyaRequest), "The request has ended: a PulyaRequest is only valid during its request (the instance may be reused).");

    public void Reset()
    {
        ReleaseHttpContext();
        _features = null;
        _request = null;
        Response = null!;
        ResponseBody = null!;
        _query = null;
        ClearItems();
        _scope = null;
        _matched = null;
        _routedPath = null;
        BodyValue = null;
        BodyRead = false;
        BodyStreamTaken = false;
        _negotiated = 0;
        BodyStarted = false;
        if (BodyBuffer is { } buffer)
        {
            BodyBuffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Array.Clear(RouteValues);
        _headers.Attach(EmptyHeaders, HeaderStrategy.First, null);
    }
}
