using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Pulya.Http;

namespace Pulya.AspNetCore;

/// <summary>
/// The matched route as ASP.NET Core's routing feature: the endpoint, and the route values, built from Pulya's match on
/// first use (middleware that never reads them allocates no dictionary).
/// </summary>
internal sealed class RouteEndpointFeature(Endpoint endpoint, PulyaRequest request) : IEndpointFeature, IRouteValuesFeature
{
    private RouteValueDictionary? _values;

    public Endpoint? Endpoint { get; set; } = endpoint;

    public RouteValueDictionary RouteValues
    {
        get
        {
            if (_values is null)
            {
                _values = [];
                foreach (var name in request.Route!.Template.ParameterNames)
                {
                    _values[name] = request.GetRouteValue(name);
                }
            }

            return _values;
        }

        set => _values = value;
    }
}
