using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Pulya.Http;
using Pulya.Routing;

namespace Pulya.Abstractions.Tests.Http;

/// <summary>A request with a method and path only, for contracts that pass a request along.</summary>
internal sealed class StubRequest : PulyaRequest
{
    public override string Method => "GET";

    public override string Path => "/";

    public override string QueryString => "";

    public override Headers Headers => throw new NotSupportedException();

    public override RouteEntry? Route => null;

    public override IServiceProvider Services => throw new NotSupportedException();

    public override IDictionary<object, object?> Items => throw new NotSupportedException();

    public override CancellationToken RequestAborted => CancellationToken.None;

    public override IFeatureCollection Features => throw new NotSupportedException();

    public override string? GetRouteValue(string name) => null;

    public override StringValues GetQuery(string name) => StringValues.Empty;
}
