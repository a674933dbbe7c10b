using Microsoft.Extensions.Validation;
using Pulya.DependencyInjection;
using Pulya.Validation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DataAnnotations validation of bound arguments on <see cref="PulyaBuilder"/>.</summary>
public static class ValidationPulyaBuilderExtensions
{
    /// <summary>
    /// Validates the arguments of every endpoint that has rules (DataAnnotations attributes on its parameters, on the
    /// properties of its body or form model and of the objects and collections they reach, <c>IValidatableObject</c>)
    /// after binding and before the endpoint filters and the handler: 400 with every failing member. Endpoints without
    /// rules get no validation stage. Registers Microsoft.Extensions.Validation (<c>AddValidation</c>) with Pulya's
    /// resolver of types last, after any the application adds; <paramref name="configure"/> sets its
    /// <see cref="ValidationOptions"/> (e.g. <see cref="ValidationOptions.MaxDepth"/>). See docs/validation.md.
    /// </summary>
    public static PulyaBuilder AddValidation(this PulyaBuilder builder, Action<ValidationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(EndpointValidation)))
        {
            // Called again: only the options change.
            builder.Services.Configure(configure ?? (static _ => { }));
            return builder;
        }

        builder.Services.AddValidation(configure);
        builder.Services.PostConfigure<ValidationOptions>(static o => o.Resolvers.Add(new ValidatableTypeResolver()));
        builder.Services.AddSingleton<EndpointValidation>();
        return builder;
    }
}
