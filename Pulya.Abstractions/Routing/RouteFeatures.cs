using System.Diagnostics.CodeAnalysis;

namespace Pulya.Routing;

/// <summary>
/// Feature switches of route templates. An application that never writes a <c>regex(…)</c> constraint can switch it off
/// in its project, and trimming (Native AOT) then leaves the regular-expression library out of the binary:
/// <c>&lt;RuntimeHostConfigurationOption Include="Pulya.Routing.RegexConstraint.IsSupported" Value="false" Trim="true" /&gt;</c>.
/// </summary>
internal static class RouteFeatures
{
    /// <summary>The name of the <see cref="IsRegexConstraintSupported"/> switch (runtimeconfig / <c>AppContext</c>).</summary>
    public const string RegexConstraintSwitch = "Pulya.Routing.RegexConstraint.IsSupported";

    /// <summary>
    /// Whether templates may use the <c>regex</c> constraint; true unless the switch is set to false, in which case a template
    /// with one is refused at start-up like any invalid constraint.
    /// </summary>
    [FeatureSwitchDefinition(RegexConstraintSwitch)]
    public static bool IsRegexConstraintSupported { get; } = !AppContext.TryGetSwitch(RegexConstraintSwitch, out var enabled) || enabled;
}
