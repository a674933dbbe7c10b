using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pulya.Serialization;

namespace Pulya.OpenApi.Documents;

/// <summary>What every document of the application shares: the JSON contract, the registered formats, the application's name, the parameter rules.</summary>
internal sealed class OpenApiDocumentContext
{
    private readonly IServiceProviderIsService _isService;

    public OpenApiDocumentContext(IServiceProvider services)
    {
        var pulya = services.GetRequiredService<IOptions<PulyaOptions>>().Value;
        var selected = services.GetRequiredKeyedService<IPulyaSerializer>(pulya.Serializer);
        var all = services.GetKeyedServices<IPulyaSerializer>(KeyedService.AnyKey);
        MediaTypes = [.. new[] { selected }.Concat(all).Select(s => s.MediaTypes[0]).Distinct(StringComparer.Ordinal)];
        JsonOptions = ((SystemTextJsonSerializer)services.GetRequiredKeyedService<IPulyaSerializer>(SystemTextJsonSerializer.Name)).Options;
        ApplicationName = services.GetRequiredService<IHostEnvironment>().ApplicationName;
        _isService = services.GetRequiredService<IServiceProviderIsService>();
        Describer = new ParameterDescriber(_isService);
        GeneratedBinder = string.Equals(pulya.Binder, "Generated", StringComparison.Ordinal);
    }

    /// <summary>The media type of each registered serializer, the selected one first: what serialized bodies and results may be.</summary>
    public string[] MediaTypes { get; }

    /// <summary>The JSON contract every serializer follows (field names, nullability, enums).</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>The application's name: the default title and tag, as in ASP.NET Core.</summary>
    public string ApplicationName { get; }

    public ParameterDescriber Describer { get; }

    /// <summary>Whether the <c>Generated</c> binder is selected: routes it binds with generated code are described from the generator's description.</summary>
    public bool GeneratedBinder { get; }

    /// <summary>Whether a type is a registered service (then an unattributed complex parameter is not the body).</summary>
    public bool IsService(Type type) => _isService.IsService(type);
}
