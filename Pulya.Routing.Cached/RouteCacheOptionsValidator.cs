using Microsoft.Extensions.Options;

namespace Pulya.Routing.Cached;

/// <summary>Validates <see cref="RouteCacheOptions"/> at start-up; a failure names the configuration key, the value and the allowed range.</summary>
internal sealed class RouteCacheOptionsValidator : IValidateOptions<RouteCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, RouteCacheOptions options)
    {
        if (options.Capacity < 1)
        {
            return ValidateOptionsResult.Fail($"Pulya:RouteCache:Capacity: '{options.Capacity}' is out of range; it must be at least 1 (entries).");
        }

        return Enum.IsDefined(options.Admission)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Pulya:RouteCache:Admission: '{options.Admission}' is not an admission policy; use {string.Join(" or ", Enum.GetNames<RouteCacheAdmission>())}.");
    }
}
