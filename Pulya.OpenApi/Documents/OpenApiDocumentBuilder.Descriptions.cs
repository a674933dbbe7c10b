using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Pulya.OpenApi.Generated;
using Pulya.Routing;

namespace Pulya.OpenApi.Documents;

/// <summary>Where an operation's parameters and result come from: the source generator's description, or the handler itself.</summary>
internal sealed partial class OpenApiDocumentBuilder
{
    /// <summary>
    /// The route's parameters by source, its result type and the item of an asynchronous sequence result: under the
    /// <c>Generated</c> binder from the description the source generator wrote for the call that mapped the route (no
    /// reflection), otherwise (or for a route the generator could not bind) read from the handler's parameters.
    /// </summary>
    private (List<DescribedParameter> Parameters, Type? Result, Type? SequenceItem) Describe(RouteEntry route) =>
        context.GeneratedBinder && route.Metadata.OfType<GeneratedOperation>().LastOrDefault() is { } generated
            ? (Describe(generated, route.Template), generated.ResultType, null)
            : DescribeHandler(route);

    /// <summary>The generated description by the binder's rules: a service registered for an unattributed complex parameter is not the body.</summary>
    private List<DescribedParameter> Describe(GeneratedOperation generated, RouteTemplate template)
    {
        var described = new List<DescribedParameter>(generated.Parameters.Count);
        foreach (var parameter in generated.Parameters)
        {
            switch (parameter.Source)
            {
                case GeneratedParameterSource.Path:
                    var name = template.ParameterNames.First(n => string.Equals(n, parameter.Name, StringComparison.OrdinalIgnoreCase));
                    described.Add(new(ParameterSource.Path, name, parameter.Type, true));
                    break;
                case GeneratedParameterSource.Query:
                    described.Add(new(ParameterSource.Query, parameter.Name, parameter.Type, parameter.Required));
                    break;
                case GeneratedParameterSource.Header:
                    described.Add(new(ParameterSource.Header, parameter.Name, parameter.Type, parameter.Required));
                    break;
                case GeneratedParameterSource.ServiceOrBody when context.IsService(parameter.Type):
                    break;
                default:
                    described.Add(new(ParameterSource.Body, parameter.Name, parameter.Type, parameter.Required));
                    break;
            }
        }

        return described;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only routes without a generated description are read from their handlers; under Native AOT every route has one (a route the generator could not bind refuses to start there).")]
    private (List<DescribedParameter> Parameters, Type? Result, Type? SequenceItem) DescribeHandler(RouteEntry route)
    {
        var handler = route.Metadata.OfType<MethodInfo>().First();
        var result = ResultType(handler.ReturnType);
        var item = result is null ? null : AsyncSequenceItem(result);
        return (context.Describer.Describe(handler, route.Template), result, item);
    }
}
