using Microsoft.Extensions.Options;
using Pulya.Routing;

namespace ThirdParty.Routing;

/// <summary>Wraps the selected router in a <see cref="CountingRouter"/> when <c>Pulya:MatchCounter:Enabled</c> is true.</summary>
public sealed class MatchCounterDecorator(IOptions<MatchCounterOptions> options, MatchCounts counts) : IRouterDecorator
{
    /// <summary>The name the decorator is registered under.</summary>
    public const string Name = "MatchCounter";

    /// <inheritdoc />
    public IRouter Decorate(IRouter inner) => options.Value.Enabled ? new CountingRouter(inner, counts) : inner;
}
