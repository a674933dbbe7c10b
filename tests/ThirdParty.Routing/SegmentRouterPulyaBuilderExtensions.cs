using Pulya.DependencyInjection;
using ThirdParty.Routing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <c>Segments</c> router on the Pulya builder.</summary>
public static class SegmentRouterPulyaBuilderExtensions
{
    /// <summary>
    /// Registers the segment router under the name <c>Segments</c>; select it with <c>Pulya:Router=Segments</c>.
    /// Registering it does not select it.
    /// </summary>
    public static PulyaBuilder AddSegmentRouter(this PulyaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRouter<SegmentRouterFactory>(SegmentRouterFactory.Name);
    }
}
