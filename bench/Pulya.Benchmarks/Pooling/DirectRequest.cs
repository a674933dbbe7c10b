using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Pulya.Pipeline;

namespace Pulya.Benchmarks.Pooling;

/// <summary>
/// One request driven straight into <see cref="PulyaHttpApplication"/> (create context, process, dispose) over a
/// reusable fake server: the feature collection, headers, body stream and response writer are allocated once and reset
/// per request (the features the application set dropped, as Kestrel does between two requests of a connection), so the
/// memory diagnoser sees only what Pulya (and the handler) allocate. What Kestrel itself would
/// allocate is out of the picture on purpose; the TestServer benchmarks in Pipeline/ include a real server.
/// </summary>
internal sealed class DirectRequest
{
    private readonly ServerFeatures _features = new();
    private readonly HttpRequestFeature _request = new();
    private readonly HttpResponseFeature _response = new();
    private readonly ResponseHeaders _responseHeaders = new();
    private readonly BufferResponseBody _body = new();
    private readonly MemoryStream _requestBody;
    private readonly int _expectedStatus;

    public DirectRequest(string method, string path, string query = "", string? body = null, IEnumerable<KeyValuePair<string, string>>? headers = null, int expectedStatus = 200)
    {
        _expectedStatus = expectedStatus;
        _requestBody = new MemoryStream(body is null ? [] : Encoding.UTF8.GetBytes(body), writable: false);
        _request.Protocol = "HTTP/1.1";
        _request.Scheme = "http";
        _request.Method = method;
        _request.Path = path;
        _request.RawTarget = path + query;
        _request.QueryString = query;
        _request.Body = _requestBody;
        _request.Headers = new HeaderDictionary { ["Host"] = "localhost" };
        if (body is not null)
        {
            _request.Headers.ContentType = "application/json";
            _request.Headers.ContentLength = _requestBody.Length;
        }

        foreach (var (name, value) in headers ?? [])
        {
            _request.Headers[name] = value;
        }

        _response.Headers = _responseHeaders;
        _features.Set<IHttpRequestFeature>(_request);
        _features.Set<IHttpResponseFeature>(_response);
        _features.Set<IHttpResponseBodyFeature>(_body);
        _features.Seal();
    }

    /// <summary>The status code of the last response.</summary>
    public int StatusCode => _response.StatusCode;

    /// <summary>The body of the last response (for checks; allocates).</summary>
    public string ResponseText => Encoding.UTF8.GetString(_body.Written);

    /// <summary>
    /// Runs the request once through <paramref name="application"/>; completes synchronously for the sample's handlers.
    /// Throws unless the response has the status the request was created to expect (200 by default): a 404 or a 500 is
    /// faster than the real work and must never look like a speed-up.
    /// </summary>
    public void Run(PulyaHttpApplication application)
    {
        _features.Reset();
        _response.StatusCode = 200;
        _responseHeaders.Clear();
        _body.Reset();
        _requestBody.Position = 0;
        var context = application.CreateContext(_features);
        var task = application.ProcessRequestAsync(context);
        if (!task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
        }

        application.DisposeContext(context, null);
        if (_response.StatusCode != _expectedStatus)
        {
            SetupCheck.Status(_expectedStatus, _response.StatusCode, $"{_request.Method} {_request.RawTarget}");
        }
    }

    /// <summary>Response headers that keep <c>Content-Length</c> as a number, as Kestrel's do (no string per request).</summary>
    private sealed class ResponseHeaders : Dictionary<string, StringValues>, IHeaderDictionary
    {
        public ResponseHeaders()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public long? ContentLength { get; set; }

        StringValues IHeaderDictionary.this[string key]
        {
            get => TryGetValue(key, out var value) ? value : StringValues.Empty;
            set => this[key] = value;
        }

        public new void Clear()
        {
            base.Clear();
            ContentLength = null;
        }
    }

    /// <summary>A response body writer over one reusable buffer.</summary>
    private sealed class BufferResponseBody : PipeWriter, IHttpResponseBodyFeature
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _written;

        public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _written);

        public Stream Stream => throw new NotSupportedException();

        public PipeWriter Writer => this;

        public void Reset() => _written = 0;

        public override void Advance(int bytes) => _written += bytes;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _buffer.AsMemory(_written);

        public override Span<byte> GetSpan(int sizeHint = 0) => _buffer.AsSpan(_written);

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new FlushResult(false, false));

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CompleteAsync() => Task.CompletedTask;
    }
}
