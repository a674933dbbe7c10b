using Microsoft.AspNetCore.Http;
using Pulya.Binding;
using Pulya.CompilerServices;
using Pulya.Hosting;
using Pulya.Http;

namespace Pulya.OpenApi.Hosting;

/// <summary>A GET route without parameters, mapped with a binding written here (no expression compilation, Native AOT safe), left out of the documents.</summary>
internal static class StaticRoute
{
    public static RouteHandlerBuilder Map(PulyaApplication app, string path, Func<Response> handler)
    {
        var binding = new EndpointBinding(
            null,
            false,
            typeof(Response),
            _ => new ValueTask<object?>(handler()),
            _ => [],
            (_, _) => new ValueTask<object?>(handler()));
        return GeneratedEndpoints.Map(app, HttpMethods.Get, path, handler, binding, GeneratedCodeContract.Version).ExcludeFromDescription();
    }
}
