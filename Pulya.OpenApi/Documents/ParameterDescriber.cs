using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Pulya.Binding;
using Pulya.CompilerServices;
using Pulya.Http;
using Pulya.Routing;

namespace Pulya.OpenApi.Documents;

/// <summary>
/// Tells where each handler parameter comes from, by the same rules, in the same order, as the core's binder
/// (README, "Handlers may have any shape"): <see cref="PulyaRequest"/>, <see cref="CancellationToken"/>, a body stream,
/// <c>[Cookie]</c>, <c>[Form]</c>/<see cref="PulyaForm"/>/<see cref="PulyaFile"/>, <c>[Body]</c>, <c>[Query]</c>,
/// <c>[Header]</c>, <c>[Service]</c>, a route value of the same name, a service, a simple type from the query, the body.
/// A form model's members are listed one by one, as the form binder reads them.
/// </summary>
internal sealed class ParameterDescriber(IServiceProviderIsService isService)
{
    private readonly NullabilityInfoContext _nullability = new();

    [RequiresUnreferencedCode("Reads the handler's parameters, their attributes and a form model's constructors and properties.")]
    public List<DescribedParameter> Describe(MethodInfo handler, RouteTemplate template)
    {
        var described = new List<DescribedParameter>();
        foreach (var parameter in handler.GetParameters())
        {
            Describe(parameter, template, described);
        }

        return described;
    }

    [RequiresUnreferencedCode("Reads a form model's constructors and properties.")]
    private void Describe(ParameterInfo parameter, RouteTemplate template, List<DescribedParameter> described)
    {
        var type = parameter.ParameterType;
        var name = parameter.Name!;
        var required = !IsOptional(parameter);
        if (type == typeof(PulyaRequest) || type == typeof(CancellationToken) || type == typeof(ClaimsPrincipal) || type == typeof(HttpContext)
            || parameter.GetCustomAttribute<ServiceAttribute>() is not null)
        {
            return;
        }

        if (type == typeof(Stream) || type == typeof(PipeReader))
        {
            described.Add(new(ParameterSource.BodyStream, name, type, false));
        }
        else if (parameter.GetCustomAttribute<CookieAttribute>() is { } cookie)
        {
            described.Add(new(ParameterSource.Cookie, cookie.Name ?? name, type, required));
        }
        else if (parameter.GetCustomAttribute<FormAttribute>() is { } form)
        {
            DescribeForm(type, form.Name ?? name, required, described);
        }
        else if (type == typeof(PulyaForm) || type == typeof(PulyaFile))
        {
            DescribeForm(type, name, required, described);
        }
        else if (parameter.GetCustomAttribute<BodyAttribute>() is not null)
        {
            described.Add(new(ParameterSource.Body, name, type, required));
        }
        else if (parameter.GetCustomAttribute<QueryAttribute>() is { } query)
        {
            described.Add(new(ParameterSource.Query, query.Name ?? name, type, required));
        }
        else if (parameter.GetCustomAttribute<HeaderAttribute>() is { } header)
        {
            described.Add(new(ParameterSource.Header, header.Name, type, required));
        }
        else if (template.ParameterNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } routeName)
        {
            described.Add(new(ParameterSource.Path, routeName, type, true));
        }
        else if (isService.IsService(type))
        {
            return;
        }
        else if (IsText(type))
        {
            described.Add(new(ParameterSource.Query, name, type, required));
        }
        else
        {
            described.Add(new(ParameterSource.Body, name, type, required));
        }
    }

    /// <summary>A form parameter: the whole form, a file, files, a field, or a model's members (fields and files, each optional unless a required constructor parameter).</summary>
    [RequiresUnreferencedCode("Reads a form model's constructors and properties.")]
    private void DescribeForm(Type type, string name, bool required, List<DescribedParameter> described)
    {
        if (type == typeof(PulyaForm) || type == typeof(PulyaFile) || type == typeof(IReadOnlyList<PulyaFile>) || IsText(type))
        {
            // The whole form and a list of files are never missing (an empty form, an empty list).
            var always = type == typeof(PulyaForm) || type == typeof(IReadOnlyList<PulyaFile>);
            described.Add(new(ParameterSource.Form, type == typeof(PulyaForm) ? string.Empty : name, type, required && !always));
            return;
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        foreach (var parameter in parameters)
        {
            described.Add(new(ParameterSource.Form, parameter.Name!, parameter.ParameterType, !IsOptional(parameter)));
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0
                && !parameters.Any(c => string.Equals(c.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                described.Add(new(ParameterSource.Form, property.Name, property.PropertyType, false));
            }
        }
    }

    private static bool IsText(Type type) => SpanParsers.IsSupported(type) || type == typeof(string[]) || type == typeof(StringValues);

    private bool IsOptional(ParameterInfo parameter) =>
        parameter.HasDefaultValue
        || Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && _nullability.Create(parameter).ReadState == NullabilityState.Nullable);
}
