using MessagePack.Formatters;
using Microsoft.Extensions.Options;

namespace Pulya.Serialization;

/// <summary>Refuses a resolver that would let a request body name the type to create (Typeless); runs at start-up.</summary>
internal sealed class MessagePackOptionsValidator : IValidateOptions<MessagePackOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagePackOptions options)
    {
        if (options.Resolver is null)
        {
            return ValidateOptionsResult.Fail("MessagePack: Resolver must be set (default JsonPropertyNamesResolver.Instance).");
        }

        return options.Resolver.GetFormatter<object>() is TypelessFormatter
            ? ValidateOptionsResult.Fail("MessagePack: the resolver formats 'object' with the Typeless formatter, which lets a request body choose the type to create; use JsonPropertyNamesResolver, ContractlessStandardResolver or StandardResolver.")
            : ValidateOptionsResult.Success;
    }
}
