using Pulya.Pipeline;

namespace Pulya.Binding;

/// <summary>The compiled call of one handler: bind, invoke, await; the result boxed, or null for none.</summary>
internal delegate ValueTask<object?> HandlerInvoker(PulyaContext context);
