namespace Pulya.Generators.Model;

/// <summary>One handler parameter as the emitter needs it: C# fragments only, so the model compares by value.</summary>
/// <param name="Name">The parameter's name as a C# identifier.</param>
/// <param name="Type">The fully qualified type, for declarations, casts and <c>typeof</c>.</param>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Key">The query key, header name or route parameter name; null for other sources.</param>
/// <param name="RouteIndex">The position of the route parameter in the template; -1 for other sources.</param>
/// <param name="Strategy">The header strategy as a C# expression; null means the configured default.</param>
/// <param name="Required">Whether a missing value is a 400 (text values, body) or a failure (services).</param>
/// <param name="DefaultValue">The declared default value as a C# constant of the parameter's type (<c>default</c> for null), or null when none is declared.</param>
/// <param name="Parser">The text parser as a C# expression; null when the source parses nothing.</param>
/// <param name="Modifier">A <c>params</c> modifier to repeat in the delegate shape, or empty.</param>
/// <param name="Implicit">Bound by the implicit rules (no attribute): a registered service of this type takes precedence, checked when the route is mapped.</param>
internal sealed record HandlerParameter(
    string Name,
    string Type,
    ParameterSource Source,
    string? Key,
    int RouteIndex,
    string? Strategy,
    bool Required,
    string? DefaultValue,
    string? Parser,
    string Modifier,
    bool Implicit);
