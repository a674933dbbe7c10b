using Microsoft.Extensions.Options;

namespace Pulya.Pooling;

/// <summary>Validates <see cref="PoolingOptions"/> at start-up; a failure names the configuration key, the value and the allowed range.</summary>
internal sealed class PoolingOptionsValidator : IValidateOptions<PoolingOptions>
{
    public ValidateOptionsResult Validate(string? name, PoolingOptions options) =>
        options.MaximumRetained < 1
            ? ValidateOptionsResult.Fail($"Pulya:Pooling:MaximumRetained: '{options.MaximumRetained}' is out of range; it must be at least 1 (objects).")
            : ValidateOptionsResult.Success;
}
