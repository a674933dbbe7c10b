namespace Pulya.Generators.Model;

/// <summary>A <c>Map*</c> call whose handler the generator binds: where to intercept it and how to call the handler.</summary>
/// <param name="MapMethod">The intercepted method: <c>Map</c>, <c>MapGet</c>, <c>MapPost</c>...</param>
/// <param name="LocationVersion">The interceptable location's version.</param>
/// <param name="LocationData">The interceptable location's opaque data.</param>
/// <param name="DisplayLocation">The call site, for a comment in the generated code.</param>
/// <param name="ReturnType">The handler's declared return type, fully qualified (<c>void</c> for none).</param>
/// <param name="Result">How the return value is awaited and boxed.</param>
/// <param name="ResultType">The result type after unwrapping tasks, fully qualified (<c>void</c> for none).</param>
/// <param name="Parameters">The handler's parameters in order.</param>
internal sealed record EndpointCall(
    string MapMethod,
    int LocationVersion,
    string LocationData,
    string DisplayLocation,
    string ReturnType,
    ResultKind Result,
    string ResultType,
    EquatableArray<HandlerParameter> Parameters);
