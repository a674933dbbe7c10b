using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pulya.Http;
using Pulya.Routing;

namespace Pulya.AspNetCore;

/// <summary>
/// The bridge of an application that registered ASP.NET Core's <see cref="IProblemDetailsService"/>
/// (<c>AddProblemDetails()</c>): the same routed middleware, and Pulya's Problem Details written through the service, as
/// Minimal APIs' errors are (so <c>CustomizeProblemDetails</c> and every <c>IProblemDetailsWriter</c> apply).
/// </summary>
internal sealed class ProblemDetailsBridge(AspNetCoreBridge bridge, IProblemDetailsService problems) : IRoutedMiddleware, IProblemWriter
{
    public Func<PulyaRequest, Task> Compose(RouteTable routes, Func<PulyaRequest, Task> next) => bridge.Compose(routes, next);

    public ValueTask<bool> TryWriteAsync(PulyaRequest request, PulyaProblem problem)
    {
        var details = problem.Errors is { } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            : new ProblemDetails();
        details.Type = problem.Type;
        details.Title = problem.Title;
        details.Status = problem.Status;
        details.Detail = problem.Detail;
        details.Instance = problem.Instance;
        if (problem.TraceId is { } traceId)
        {
            details.Extensions["traceId"] = traceId;
        }

        return problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = request.HttpContext, ProblemDetails = details, Exception = problem.Exception });
    }
}
