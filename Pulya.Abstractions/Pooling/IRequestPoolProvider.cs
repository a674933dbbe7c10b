namespace Pulya.Pooling;

/// <summary>
/// Creates the pools for per-request objects. Registered as a keyed service under its name and selected by
/// <c>Pulya:PoolProvider</c>: <c>None</c> (built in, the baseline: a new object every time) or a module's, e.g.
/// <c>ObjectPool</c>.
/// </summary>
/// <remarks>
/// <para>
/// This contract restates Microsoft.Extensions.ObjectPool's <c>ObjectPoolProvider</c>, <c>ObjectPool&lt;T&gt;</c> and
/// <c>IResettable</c> for the one kind of object the pipeline pools, and keeps them out of the contract on purpose. What
/// the layer buys: (1) the strategy, not only the pool, is swappable by name — "no pooling" is a provider like any other,
/// and a provider need not keep a shared pool at all: the contract leaves room for one object per connection (Kestrel
/// keeps a connection's context in <c>IHostContextContainer&lt;TContext&gt;</c>; a <c>Rent</c> overload that takes the
/// connection's features can be added as a default interface method without breaking providers), which
/// <c>ObjectPool&lt;T&gt;</c>'s "take any idle object" model cannot express; (2) the pipeline's guarantee is stated here, not left to a policy:
/// <see cref="IRequestPool{T}.Return"/> always resets the object (releasing what it holds, such as a pooled body buffer),
/// whether it is kept or dropped, where an <c>ObjectPool&lt;T&gt;</c> policy may decide otherwise; (3) providers get the
/// object's factory as a delegate, with no policy type per pooled type. The <c>ObjectPool</c> module implements the
/// contract on Microsoft.Extensions.ObjectPool.
/// </para>
/// </remarks>
public interface IRequestPoolProvider
{
    /// <summary>Creates a pool whose new objects come from <paramref name="create"/>.</summary>
    IRequestPool<T> Create<T>(Func<T> create)
        where T : class, IPoolable;
}
