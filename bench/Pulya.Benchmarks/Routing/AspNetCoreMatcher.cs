using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Pulya.Benchmarks.Routing;

/// <summary>
/// ASP.NET Core endpoint routing as users get it: a <see cref="WebApplication"/> with one endpoint per template (its
/// methods as metadata), <c>UseRouting()</c>, and a terminal middleware that does not run the endpoint, so invoking the
/// pipeline on a reused <see cref="DefaultHttpContext"/> measures the <c>EndpointRoutingMiddleware</c>: its matcher plus
/// its fixed per-request cost (the matcher itself is internal to ASP.NET Core).
/// </summary>
internal sealed class AspNetCoreMatcher : IAsyncDisposable
{
    private static readonly RequestDelegate Nothing = _ => Task.CompletedTask;
    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;
    private readonly DefaultHttpContext _context;

    public AspNetCoreMatcher(IEnumerable<(string Method, string Template)> routes)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore(); // never started: building the application needs a server registered
        builder.Services.AddRouting();
        _app = builder.Build();
        foreach (var group in routes.GroupBy(r => r.Template, StringComparer.Ordinal))
        {
            var methods = group.Select(r => r.Method).ToList();
            if (methods.Contains("GET") && !methods.Contains("HEAD"))
            {
                methods.Add("HEAD");
            }

            _app.MapMethods(group.Key, methods, Nothing);
        }

        _app.UseRouting();
        _app.Run(Nothing);
        _pipeline = ((IApplicationBuilder)_app).Build();
        _context = new DefaultHttpContext { RequestServices = _app.Services };
    }

    /// <summary>Runs the routing middleware for one request; returns the endpoint it chose (a 405 endpoint for a wrong method).</summary>
    public Endpoint? Match(string method, string path)
    {
        var context = _context;
        context.Request.Method = method;
        context.Request.Path = new PathString(path);
        context.SetEndpoint(null);
        var task = _pipeline(context);
        if (!task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
        }

        return context.GetEndpoint();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
