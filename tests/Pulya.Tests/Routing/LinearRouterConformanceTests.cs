using Pulya.Testing.Conformance.Routing;
using Pulya.Routing;

namespace Pulya.Tests.Routing;

/// <summary>The routing conformance suite against the baseline <see cref="LinearRouter"/>.</summary>
public sealed class LinearRouterConformanceTests : RouterConformanceTests
{
    protected override IRouter CreateRouter(RouteTable table) => new LinearRouterFactory().Create(table);
}
