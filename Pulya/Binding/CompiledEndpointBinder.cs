using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Pulya.CompilerServices;
using Pulya.Http;

namespace Pulya.Binding;

/// <summary>
/// The <c>Compiled</c> endpoint binder, the baseline: each handler's binding is compiled from expression trees at
/// start-up (<see cref="EndpointCompiler"/>). Needs dynamic code: under Native AOT it refuses to start, naming the
/// route, and the <c>Generated</c> binder is the one to use.
/// </summary>
internal sealed class CompiledEndpointBinder(IServiceProvider services, ServiceLifetimes lifetimes, IOptions<PulyaOptions> options) : IEndpointBinder
{
    /// <summary>The name this binder is registered under.</summary>
    public const string Name = "Compiled";

    private EndpointCompiler? _compiler;

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The compiled trees call public members of the binding helpers and PulyaRequest, kept by DynamicDependency; handlers are kept by their delegates.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "RequireDynamicCode throws first where dynamic code is not supported.")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(ParameterBinders))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(ResultAwaiters))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods, typeof(SpanParsers))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(PulyaRequest))]
    public EndpointBinding Bind(EndpointDefinition endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        // Tested here rather than in a helper: Native AOT reads the property as the constant false, so the compiler (and
        // with it System.Linq.Expressions) is not even compiled into a native binary.
        return RuntimeFeature.IsDynamicCodeSupported ? (_compiler ??= new EndpointCompiler(services, lifetimes, options.Value)).Compile(endpoint)
            : throw NoDynamicCode(endpoint);
    }

    // Reached only in a Native AOT process; the end-to-end test of the AOT sample checks the message.
    [ExcludeFromCodeCoverage]
    private static InvalidOperationException NoDynamicCode(EndpointDefinition endpoint) => new(
        $"Route '{endpoint.Method} {endpoint.Template.Text}' has no generated binding, and the Compiled binder cannot compile one under Native AOT. "
        + "Select Pulya:Binder=Generated and reference Pulya.Generators; the build reports (PULYA001) why a call could not be generated.");
}
