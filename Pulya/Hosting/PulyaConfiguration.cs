using Microsoft.Extensions.Configuration;

namespace Pulya.Hosting;

/// <summary>The <c>Pulya</c> configuration section <c>AddPulya()</c> was given, kept for start-up validation.</summary>
internal sealed record PulyaConfiguration(IConfiguration Section);
