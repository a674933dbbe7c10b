using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulya.DependencyInjection;
using ThirdParty.Routing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the match counter on the Pulya builder.</summary>
public static class MatchCounterPulyaBuilderExtensions
{
    /// <summary>Registers the match counter; it counts once <c>Pulya:MatchCounter:Enabled</c> is true.</summary>
    public static PulyaBuilder AddMatchCounter(this PulyaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleOptions<MatchCounterOptions>(MatchCounterOptions.SectionName);
        builder.Services.TryAddSingleton<MatchCounts>();
        return builder.AddRouterDecorator<MatchCounterDecorator>(MatchCounterDecorator.Name);
    }
}
