using Pulya.Http;

namespace Pulya.Binding;

/// <summary>
/// Composes an endpoint's filters around its binding, once at start-up, outside the binder: without filters the binding
/// is returned as it is (the pipeline calls <see cref="EndpointBinding.Invoke"/>); with filters, the new binding's
/// <see cref="EndpointBinding.Invoke"/> binds the arguments, runs the chain (first filter outermost), and its last step
/// calls <see cref="EndpointBinding.InvokeWithArguments"/> with the arguments as the filters left them.
/// </summary>
internal static class EndpointFilterPipeline
{
    public static EndpointBinding Compose(EndpointBinding binding, IReadOnlyList<IEndpointFilter> filters)
    {
        if (filters.Count == 0)
        {
            return binding;
        }

        var invokeWithArguments = binding.InvokeWithArguments;
        EndpointFilterDelegate chain = context => invokeWithArguments(context.Request, (object?[])context.Arguments);
        for (var i = filters.Count - 1; i >= 0; i--)
        {
            var filter = filters[i];
            var next = chain;
            chain = context => filter.InvokeAsync(context, next);
        }

        var bindArguments = binding.BindArguments;
        return new EndpointBinding(
            binding.BodyType,
            binding.BodyRequired,
            binding.ResultType,
            request => chain(new EndpointFilterContext(request, bindArguments(request))),
            bindArguments,
            invokeWithArguments);
    }
}
