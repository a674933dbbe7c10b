using System.ComponentModel.DataAnnotations;
using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Validation;
using Pulya.Binding;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Routing;
using Pulya.Serialization;
using IEndpointFilter = Pulya.Http.IEndpointFilter;

namespace Pulya.Validation;

/// <summary>
/// Decides at start-up, per endpoint, whether it has anything to validate, and makes its validation stage: the first step
/// after binding, before the endpoint filters and the handler (<see cref="ValidationFilter"/>). An endpoint none of whose
/// bound parameters carries a DataAnnotations attribute or has a validatable type gets no stage at all.
/// </summary>
internal sealed class EndpointValidation(IOptions<ValidationOptions> options, IServiceProvider services, PulyaModules modules)
{
    private readonly IServiceProviderIsService _isService = services.GetRequiredService<IServiceProviderIsService>();

    /// <summary>Member names follow the System.Text.Json serializer's naming policy (camelCase by default).</summary>
    private readonly JsonNamingPolicy? _naming = modules.Serializers().OfType<SystemTextJsonSerializer>().FirstOrDefault() is { } json
        ? json.Options.PropertyNamingPolicy : JsonNamingPolicy.CamelCase;

    /// <summary>The validation stage of <paramref name="endpoint"/>, or null when nothing of it is validated.</summary>
    public IEndpointFilter? For(EndpointDefinition endpoint)
    {
        var parameters = endpoint.Handler.Method.GetParameters();
        var slots = new List<ValidationFilter.Slot>();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (Describe(parameters[i], endpoint.Template) is { } slot)
            {
                slots.Add(slot with { Index = i });
            }
        }

        return slots.Count == 0 ? null : new ValidationFilter(options.Value, [.. slots], _naming);
    }

    /// <summary>A parameter's validation, or null when it is not bound from the request or has nothing to validate.</summary>
    private ValidationFilter.Slot? Describe(ParameterInfo parameter, RouteTemplate template)
    {
        var type = parameter.ParameterType;
        if (Name(parameter, template) is not { } name)
        {
            return null;
        }

        var attributes = parameter.GetCustomAttributes<ValidationAttribute>().ToArray();
        var inspected = ValidatableTypeResolver.Inspected(type);
        var validatableType = inspected is not null && options.Value.TryGetValidatableTypeInfo(inspected, out _);
        if (attributes.Length == 0 && !validatableType)
        {
            return null;
        }

        var display = parameter.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? name;
        return new ValidationFilter.Slot(0, new ReflectedValidatableParameterInfo(type, name, display, attributes), name, type);
    }

    /// <summary>
    /// The name a parameter is bound by (the route value, query key, header, cookie or form field), or null for what is not
    /// bound from the request: the request itself, services, the body as a stream, a whole form or its files.
    /// </summary>
    private string? Name(ParameterInfo parameter, RouteTemplate template)
    {
        var type = parameter.ParameterType;
        if (type == typeof(PulyaRequest) || type == typeof(CancellationToken) || type == typeof(ClaimsPrincipal) || type == typeof(HttpContext)
            || type == typeof(Stream) || type == typeof(PipeReader) || type == typeof(PulyaForm) || type == typeof(PulyaFile)
            || type == typeof(IReadOnlyList<PulyaFile>) || parameter.IsDefined(typeof(ServiceAttribute)))
        {
            return null;
        }

        var name = parameter.GetCustomAttribute<CookieAttribute>()?.Name
            ?? parameter.GetCustomAttribute<FormAttribute>()?.Name
            ?? parameter.GetCustomAttribute<QueryAttribute>()?.Name
            ?? parameter.GetCustomAttribute<HeaderAttribute>()?.Name;
        if (name is not null || parameter.IsDefined(typeof(CookieAttribute)) || parameter.IsDefined(typeof(FormAttribute))
            || parameter.IsDefined(typeof(QueryAttribute)) || parameter.IsDefined(typeof(BodyAttribute)))
        {
            return name ?? parameter.Name!;
        }

        var routeValue = template.ParameterNames.Any(n => string.Equals(n, parameter.Name, StringComparison.OrdinalIgnoreCase));
        return routeValue || !_isService.IsService(type) ? parameter.Name! : null;
    }
}
