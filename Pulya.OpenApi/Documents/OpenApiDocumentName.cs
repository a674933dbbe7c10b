using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.DependencyInjection;

namespace Pulya.OpenApi.Documents;

/// <summary>
/// One <c>AddOpenApi</c> call, one service per call: its options are the named options <paramref name="Key"/>
/// (<c>Pulya:OpenApi</c> bound, then <paramref name="Configure"/>), and the document it adds to is their
/// <see cref="PulyaOpenApiOptions.DocumentName"/>.
/// </summary>
internal sealed record OpenApiDocumentName(string Key, IConfiguration Section, Action<PulyaOpenApiOptions>? Configure)
{
    /// <summary>Binds <c>Pulya:OpenApi</c>; an empty <c>DocumentName</c> there means the default, as for the document the build writes.</summary>
    public static void Bind(IConfiguration section, PulyaOpenApiOptions options)
    {
        OptionsBinding.Bind(section, options);
        if (string.IsNullOrEmpty(options.DocumentName))
        {
            options.DocumentName = "v1";
        }
    }

    /// <summary>The documents' names (lower case), in the order they were first registered.</summary>
    public static List<string> Names(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<PulyaOpenApiOptions>>();
        return services.GetServices<OpenApiDocumentName>().Select(r => options.Get(r.Key).DocumentName.ToLowerInvariant()).Distinct().ToList();
    }

    /// <summary>The options of the document <paramref name="name"/> (registered): those of the one call naming it, or, for several calls, the section then each call's delegate in order.</summary>
    public static PulyaOpenApiOptions Options(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<PulyaOpenApiOptions>>();
        var calls = services.GetServices<OpenApiDocumentName>()
            .Where(r => string.Equals(options.Get(r.Key).DocumentName, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (calls.Count == 1)
        {
            return options.Get(calls[0].Key);
        }

        var merged = new PulyaOpenApiOptions();
        Bind(calls[0].Section, merged);
        foreach (var call in calls)
        {
            call.Configure?.Invoke(merged);
        }

        return merged;
    }
}
