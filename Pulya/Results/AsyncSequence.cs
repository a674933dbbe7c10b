using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using Pulya.Pipeline;
using Pulya.Serialization;

namespace Pulya.Results;

/// <summary>
/// An <c>IAsyncEnumerable&lt;T&gt;</c> result. With a JSON serializer the items are written as one JSON array while they
/// are produced, each flushed as soon as it is serialized; formats that cannot frame an array of unknown length
/// (MessagePack's array header carries the count) collect the items, at most <see cref="PulyaOptions.MaxCollectedSequenceItems"/>
/// (one more is a clean 500 before any byte), and write one array when the sequence ends.
/// </summary>
internal abstract class AsyncSequence
{
    /// <summary>Wraps a sequence of reference-type items (an <c>IAsyncEnumerable&lt;T&gt;</c> seen through covariance).</summary>
    public static AsyncSequence Of(IAsyncEnumerable<object?> items) => new TypedAsyncSequence<object?>(items);

    /// <summary>
    /// Wraps a compiled handler call whose declared result is or implements <c>IAsyncEnumerable&lt;T&gt;</c> so that it
    /// returns a typed sequence (which also covers value-type items); any other call is returned as it is.
    /// </summary>
    [RequiresDynamicCode(Binding.EndpointCompiler.DynamicCodeMessage)]
    [RequiresUnreferencedCode(Binding.EndpointCompiler.DynamicCodeMessage)]
    public static (Expression Body, Type ResultType) Wrap((Expression Body, Type ResultType) awaited)
    {
        var resultType = awaited.ResultType;
        foreach (var type in resultType.IsInterface ? [resultType, .. resultType.GetInterfaces()] : resultType.GetInterfaces())
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
            {
                var wrap = typeof(AsyncSequence).GetMethod(nameof(WrapAsync))!.MakeGenericMethod(type.GetGenericArguments()[0]);
                return (Expression.Call(wrap, awaited.Body), resultType);
            }
        }

        return awaited;
    }

    /// <summary>Turns a handler's (awaited) <c>IAsyncEnumerable&lt;T&gt;</c> result into a typed sequence.</summary>
    public static ValueTask<object?> WrapAsync<T>(ValueTask<object?> result) =>
        result.IsCompletedSuccessfully ? new ValueTask<object?>(Wrap<T>(result.Result)) : WrapLaterAsync<T>(result);

    private static async ValueTask<object?> WrapLaterAsync<T>(ValueTask<object?> result) => Wrap<T>(await result);

    private static TypedAsyncSequence<T>? Wrap<T>(object? items) => items is null ? null : new TypedAsyncSequence<T>((IAsyncEnumerable<T>)items);

    /// <summary>Writes the sequence; false when no registered format is acceptable (406, nothing written).</summary>
    public abstract Task<bool> WriteAsync(PulyaContext context, int status, string? contentType, SerializerSelector serializers);

    /// <summary>Whether <paramref name="serializer"/> writes JSON (<c>application/json</c> or a <c>+json</c> type): those stream.</summary>
    protected static bool IsJson(IPulyaSerializer serializer)
    {
        var mediaType = serializer.MediaTypes[0];
        return mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);
    }
}
