using Microsoft.Extensions.Options;

namespace Pulya.Middleware;

/// <summary>Validates the registered <see cref="CorsPolicy"/> at start-up; a failure names the configuration key.</summary>
internal sealed class CorsPolicyValidator : IValidateOptions<CorsPolicy>
{
    /// <summary>The sub-section of <c>Pulya</c> the policy is bound to.</summary>
    public const string Section = "Cors";

    public ValidateOptionsResult Validate(string? name, CorsPolicy options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
