using Pulya.Http;

namespace Pulya;

/// <summary>
/// Options of the framework, bound from the <c>Pulya</c> configuration section and validated at start-up: an invalid
/// value stops the start-up with a message naming its configuration key. Modules bind their own sub-sections
/// (e.g. <c>Pulya:RouteCache</c>) to options types of their own.
/// </summary>
public sealed class PulyaOptions
{
    /// <summary>The largest allowed <see cref="ResponseBufferSize"/>: 64 MiB.</summary>
    public const int MaxResponseBufferSize = 64 * 1024 * 1024;

    /// <summary>The smallest allowed <see cref="ResponseBufferSize"/>: 1 KiB.</summary>
    public const int MinResponseBufferSize = 1024;

    /// <summary>The name of the router: <c>Linear</c> (built in) or a module's, e.g. <c>Trie</c>. Defaults to <c>Linear</c>.</summary>
    public string Router { get; set; } = "Linear";

    /// <summary>The name of the default serializer: <c>SystemTextJson</c> (built in), <c>NewtonsoftJson</c>, <c>MessagePack</c>. Defaults to <c>SystemTextJson</c>.</summary>
    public string Serializer { get; set; } = "SystemTextJson";

    /// <summary>
    /// The name of the endpoint binder: <c>Compiled</c> (built in: expression trees compiled at start-up) or
    /// <c>Generated</c> (source-generated bindings, falling back to <c>Compiled</c> for call sites without one).
    /// Defaults to <c>Generated</c>: where the generator is referenced, routes start without compiling expression trees
    /// (and under Native AOT, where none can be compiled, nothing else works); without it every route falls back to
    /// <c>Compiled</c>, so the default answers exactly as <c>Compiled</c> does.
    /// </summary>
    public string Binder { get; set; } = "Generated";

    /// <summary>
    /// The name of the pool provider for per-request objects: <c>None</c> (built in, a new object per request) or a
    /// module's. A pooling module may select its own provider when its options enable it (<c>Pulya:Pooling:Enabled=true</c>
    /// selects <c>ObjectPool</c>). Defaults to <c>None</c>.
    /// </summary>
    public string PoolProvider { get; set; } = "None";

    /// <summary>The largest request body accepted, in bytes (at least 1); larger bodies get 413. Defaults to 1 MiB (1,048,576).</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// The largest serialized response body that is buffered and sent with <c>Content-Length</c>, in bytes; a larger one
    /// is streamed (chunked) once more than this many bytes were produced. A serializer that fails while its output is
    /// still buffered gives a clean 500; after streaming started the connection is aborted. Between
    /// <see cref="MinResponseBufferSize"/> (1 KiB) and <see cref="MaxResponseBufferSize"/> (64 MiB). Defaults to 32 KiB (32,768).
    /// </summary>
    public int ResponseBufferSize { get; set; } = 32 * 1024;

    /// <summary>
    /// The shape of error responses: <c>Pulya</c> (<c>{"error":"…"}</c> as <c>application/json</c>) or <c>ProblemDetails</c>
    /// (RFC 9457, <c>application/problem+json</c> with <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>,
    /// <c>instance</c> and <c>traceId</c>). Defaults to <c>Pulya</c>.
    /// </summary>
    public string Errors { get; set; } = "Pulya";

    /// <summary>
    /// The most parts a form may hold: fields of an <c>application/x-www-form-urlencoded</c> body, fields and files
    /// together of a <c>multipart/form-data</c> body (an empty file part counts as one). One more is a 400, answered as
    /// soon as that part starts, so a body of many tiny parts costs no more than this many. At least 1. Defaults to 1024.
    /// </summary>
    public int MaxFormParts { get; set; } = 1024;

    /// <summary>
    /// The most items of an <c>IAsyncEnumerable&lt;T&gt;</c> result collected in memory for a format that cannot frame a
    /// sequence of unknown length (MessagePack: the array header carries the count). JSON streams items as they come and
    /// has no such limit. One more item ends the enumeration and answers 500 before any byte is sent, the cause logged at
    /// Error. At least 1. Defaults to 10,000.
    /// </summary>
    public int MaxCollectedSequenceItems { get; set; } = 10_000;

    /// <summary>What a single-valued header binding does with several values (a defined <see cref="Http.HeaderStrategy"/>). Defaults to <see cref="HeaderStrategy.First"/>.</summary>
    public HeaderStrategy HeaderStrategy { get; set; } = HeaderStrategy.First;
}
