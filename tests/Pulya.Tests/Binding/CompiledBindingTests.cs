namespace Pulya.Tests.Binding;

/// <summary>The binding suite against the <c>Compiled</c> binder (expression trees compiled at start-up).</summary>
public sealed class CompiledBindingTests : BindingTests
{
    protected override string Binder => "Compiled";
}
