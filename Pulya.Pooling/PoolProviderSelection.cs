using Microsoft.Extensions.Options;

namespace Pulya.Pooling;

/// <summary>Selects the <c>ObjectPool</c> provider in <see cref="PulyaOptions.PoolProvider"/> when <c>Pulya:Pooling:Enabled</c> is true.</summary>
internal sealed class PoolProviderSelection(IOptions<PoolingOptions> pooling) : IPostConfigureOptions<PulyaOptions>
{
    public void PostConfigure(string? name, PulyaOptions options)
    {
        try
        {
            if (pooling.Value.Enabled)
            {
                options.PoolProvider = ObjectPoolRequestPoolProvider.Name;
            }
        }
        catch (OptionsValidationException)
        {
            // Invalid pooling options fail the start-up on their own; reporting them again here would say it twice.
        }
    }
}
