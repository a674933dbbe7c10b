using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pulya.Http;

namespace Pulya.Hosting;

/// <summary>
/// Health-check endpoints over <c>Microsoft.Extensions.Diagnostics.HealthChecks</c>, for container liveness and readiness probes.
/// Register the checks with <c>builder.Services.AddHealthChecks().AddCheck(…)</c>; an application that maps no health
/// endpoint pays nothing.
/// </summary>
public static class PulyaHealthCheckExtensions
{
    /// <summary>
    /// Maps a GET (and HEAD) endpoint at <paramref name="template"/> that runs the registered health checks and answers with the
    /// overall status as <c>text/plain</c>: <c>Healthy</c> or <c>Degraded</c> with 200, <c>Unhealthy</c> with 503 (a check that
    /// throws reports its registration's failure status, <c>Unhealthy</c> by default), never cached (<c>Cache-Control: no-store, no-cache</c>).
    /// </summary>
    /// <param name="app">The application or a route group.</param>
    /// <param name="template">The route template, e.g. <c>/healthz</c>.</param>
    /// <param name="predicate">Which registered checks to run (e.g. by tag, to separate liveness from readiness); all when null.</param>
    /// <exception cref="InvalidOperationException">The health-check services are not registered.</exception>
    /// <returns>The route, on which endpoint filters can be added.</returns>
    public static RouteHandlerBuilder MapHealthChecks(this RouteMapper app, string template, Func<HealthCheckRegistration, bool>? predicate = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var service = app.Services.GetService<HealthCheckService>()
            ?? throw new InvalidOperationException("MapHealthChecks needs the health-check services: call builder.Services.AddHealthChecks() before Build().");
        return app.MapGet(template, async (CancellationToken cancellationToken) =>
        {
            var report = await service.CheckHealthAsync(predicate, cancellationToken);
            return Response.Text(report.Status.ToString(), report.Status == HealthStatus.Unhealthy ? 503 : 200)
                .WithHeader("Cache-Control", "no-store, no-cache");
        });
    }
}
