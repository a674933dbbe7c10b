using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulya.DependencyInjection;
using Pulya.Serialization;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the serializers of <c>Pulya.Serialization</c> on a <see cref="PulyaBuilder"/>.</summary>
public static class SerializationPulyaBuilderExtensions
{
    /// <summary>
    /// Registers the <c>NewtonsoftJson</c> serializer (<c>application/json</c>). Select it as the default with
    /// <c>"Pulya": { "Serializer": "NewtonsoftJson" }</c>; the core's <c>SystemTextJson</c> serializer also reads and writes
    /// <c>application/json</c>, and the default one wins negotiation between the two. Settings are validated at start-up.
    /// </summary>
    /// <param name="builder">The Pulya builder.</param>
    /// <param name="configure">Changes <see cref="NewtonsoftJsonOptions.SerializerSettings"/>; optional.</param>
    [RequiresDynamicCode(DynamicCodeRequirement.Message)]
    [RequiresUnreferencedCode(DynamicCodeRequirement.Message)]
    public static PulyaBuilder AddNewtonsoftJson(this PulyaBuilder builder, Action<NewtonsoftJsonOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<NewtonsoftJsonOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NewtonsoftJsonOptions>, NewtonsoftJsonOptionsValidator>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder.AddSerializer<NewtonsoftJsonSerializer>(NewtonsoftJsonSerializer.Name);
    }

    /// <summary>
    /// Registers the <c>MessagePack</c> serializer (<c>application/msgpack</c>, <c>application/x-msgpack</c>). Select it as
    /// the default with <c>"Pulya": { "Serializer": "MessagePack" }</c>, or let clients ask for it with <c>Accept</c> and
    /// <c>Content-Type</c>. Options are validated at start-up.
    /// </summary>
    /// <param name="builder">The Pulya builder.</param>
    /// <param name="configure">Changes <see cref="MessagePackOptions"/>; optional.</param>
    [RequiresDynamicCode(DynamicCodeRequirement.Message)]
    [RequiresUnreferencedCode(DynamicCodeRequirement.Message)]
    public static PulyaBuilder AddMessagePack(this PulyaBuilder builder, Action<MessagePackOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MessagePackOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagePackOptions>, MessagePackOptionsValidator>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder.AddSerializer<MessagePackSerializer>(MessagePackSerializer.Name);
    }
}
