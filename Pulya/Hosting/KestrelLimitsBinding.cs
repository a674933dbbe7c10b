using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pulya.DependencyInjection;

namespace Pulya.Hosting;

/// <summary>
/// Binds the <c>Kestrel:Limits</c> section to Kestrel's limits (Kestrel's configuration loader reads endpoints, endpoint
/// defaults and certificates, not limits); an invalid value stops the start-up with one line
/// naming its key (<see cref="OptionsValidationException"/>), as an invalid Pulya option does.
/// </summary>
internal static class KestrelLimitsBinding
{
    /// <summary>The grace period of a minimum data rate when only <c>BytesPerSecond</c> is given (Kestrel's default).</summary>
    private static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(5);

    public static void Bind(IConfigurationSection limits, KestrelServerLimits target)
    {
        if (!limits.Exists())
        {
            // Nothing to bind: the binding code (a large generated method) is not compiled at all.
            return;
        }

        OptionsBinding.Bind(limits, target, static (c, t) => c.Bind(t));
        // MinDataRate has no setters, so the binder skips it: read BytesPerSecond and GracePeriod here.
        target.MinRequestBodyDataRate = ReadDataRate(limits.GetSection("MinRequestBodyDataRate"), target.MinRequestBodyDataRate);
        target.MinResponseDataRate = ReadDataRate(limits.GetSection("MinResponseDataRate"), target.MinResponseDataRate);
    }

    private static MinDataRate? ReadDataRate(IConfigurationSection section, MinDataRate? current)
    {
        var bytes = section["BytesPerSecond"];
        var grace = section["GracePeriod"];
        if (bytes is null)
        {
            return grace is null
                ? current
                : throw Invalid($"{section.Path}:GracePeriod: '{grace}' is set without {section.Path}:BytesPerSecond, which it qualifies; set both, or neither.");
        }

        double bytesPerSecond;
        TimeSpan gracePeriod;
        try
        {
            bytesPerSecond = section.GetValue<double>("BytesPerSecond");
            gracePeriod = section.GetValue("GracePeriod", DefaultGracePeriod);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key, the value and the type.
            throw Invalid(ex.Message);
        }

        try
        {
            return new MinDataRate(bytesPerSecond, gracePeriod);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var key = ex.ParamName == "bytesPerSecond" ? "BytesPerSecond" : "GracePeriod";
            var value = ex.ParamName == "bytesPerSecond" ? bytes : grace ?? DefaultGracePeriod.ToString();
            throw Invalid($"{section.Path}:{key}: '{value}' is out of range. {OptionsBinding.Reason(ex)}");
        }
    }

    private static OptionsValidationException Invalid(string message) => OptionsBinding.Invalid(typeof(KestrelServerOptions), message);
}
