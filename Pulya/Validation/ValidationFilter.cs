using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Validation;
using Pulya.Http;
using Pulya.Pipeline;
using IEndpointFilter = Pulya.Http.IEndpointFilter;

namespace Pulya.Validation;

/// <summary>
/// The validation stage of an endpoint: validates the bound arguments that have rules (Microsoft.Extensions.Validation's
/// <see cref="ValidatableParameterInfo"/> and <see cref="ValidatableTypeInfo"/> walk attributes, nested objects, collections
/// and <see cref="IValidatableObject"/>), and answers 400 with every failing member, named as the JSON contract names
/// it, instead of running the endpoint filters and the handler.
/// </summary>
internal sealed class ValidationFilter(ValidationOptions options, ValidationFilter.Slot[] slots, JsonNamingPolicy? naming) : IEndpointFilter
{
    /// <summary>A validated argument: its position, its validation, the name it is bound by, its declared type.</summary>
    public sealed record Slot(int Index, ReflectedValidatableParameterInfo Info, string Name, Type Type);

    public async ValueTask<object?> InvokeAsync(EndpointFilterContext context, EndpointFilterDelegate next)
    {
        var request = context.Request;
        var services = new RequestServices(request);
        Dictionary<string, List<string>>? failures = null;
        foreach (var slot in slots)
        {
            var argument = context.Arguments[slot.Index];
            var validate = new ValidateContext
            {
                ValidationOptions = options,
                ValidationContext = new ValidationContext(argument ?? slot, slot.Name, services, items: null),
            };
            await slot.Info.ValidateAsync(argument, validate, request.RequestAborted);
            if (validate.ValidationErrors is { Count: > 0 } errors)
            {
                failures ??= [];
                foreach (var (key, messages) in errors)
                {
                    var member = Member(key, slot);
                    if (!failures.TryGetValue(member, out var list))
                    {
                        failures[member] = list = [];
                    }

                    list.AddRange(messages);
                }
            }
        }

        return failures is null ? await next(context) : ((PulyaContext)request).Errors.ValidationProblem((PulyaContext)request, failures);
    }

    /// <summary>
    /// The member an error key names, as clients see it: the parameter's bound name, then each property by its JSON name
    /// (<c>[JsonPropertyName]</c>, else the naming policy), indexes kept (<c>items[0].name</c>).
    /// </summary>
    private string Member(string key, Slot slot)
    {
        if (key.Length == 0 || key == slot.Name)
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        var segments = key.Split('.');
        var current = ValidatableTypeResolver.Inspected(slot.Type);
        var first = 0;
        if (segments[0].StartsWith(slot.Name + "[", StringComparison.Ordinal))
        {
            // A collection parameter: its items are named after it.
            builder.Append(segments[0]);
            first = 1;
        }

        for (var i = first; i < segments.Length; i++)
        {
            var segment = segments[i];
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var property = current is not null && options.TryGetValidatableTypeInfo(current, out var info) && info is ReflectedValidatableTypeInfo type
                ? type.Properties.FirstOrDefault(p => p.ClrName == name) : null;
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(property?.JsonName ?? naming?.ConvertName(name) ?? name).Append(bracket < 0 ? "" : segment[bracket..]);
            current = property is null ? null : ValidatableTypeResolver.Inspected(property.Type);
        }

        return builder.ToString();
    }

    /// <summary>The request's services for <see cref="ValidationContext.GetService"/>, its scope created only if asked.</summary>
    private sealed class RequestServices(PulyaRequest request) : IServiceProvider
    {
        public object? GetService(Type serviceType) => request.Services.GetService(serviceType);
    }
}
