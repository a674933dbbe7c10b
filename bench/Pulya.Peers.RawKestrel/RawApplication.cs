using System.Buffers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Pulya.Peers.RawKestrel;

/// <summary>The context is Kestrel's feature collection itself: nothing allocated per request beyond what Kestrel does.</summary>
internal abstract class RawApplication : IHttpApplication<IFeatureCollection>
{
    protected static readonly byte[] Success = """{"success":true}"""u8.ToArray();
    protected static readonly byte[] NotFound = """{"error":"Not Found"}"""u8.ToArray();

    public IFeatureCollection CreateContext(IFeatureCollection contextFeatures) => contextFeatures;

    public void DisposeContext(IFeatureCollection context, Exception? exception)
    {
    }

    public abstract Task ProcessRequestAsync(IFeatureCollection context);

    protected static Task WriteAsync(IFeatureCollection features, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        var response = features.Get<IHttpResponseFeature>()!;
        response.StatusCode = status;
        response.Headers.ContentType = contentType;
        response.Headers.ContentLength = body.Length;
        // WriteAsync starts the response itself; GetSpan before the start hands out no memory in Kestrel.
        var write = features.Get<IHttpResponseBodyFeature>()!.Writer.WriteAsync(body);
        return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
    }

    protected static Task WriteJsonAsync(IFeatureCollection features, ReadOnlyMemory<byte> body) =>
        WriteAsync(features, 200, "application/json; charset=utf-8", body);
}
