using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace Pulya.Serialization;

/// <summary>Refuses settings that are unsafe for untrusted request bodies; runs at start-up.</summary>
internal sealed class NewtonsoftJsonOptionsValidator : IValidateOptions<NewtonsoftJsonOptions>
{
    public ValidateOptionsResult Validate(string? name, NewtonsoftJsonOptions options)
    {
        var settings = options.SerializerSettings;
        var failures = new List<string>();
        if (settings.TypeNameHandling != TypeNameHandling.None)
        {
            failures.Add($"NewtonsoftJson: TypeNameHandling must be None (was {settings.TypeNameHandling}): a $type in a request body must never choose the type to create.");
        }

        if (settings.MaxDepth is not > 0)
        {
            failures.Add("NewtonsoftJson: MaxDepth must be set to a positive number (default 64) to bound nesting in request bodies.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
