using Pulya.Pooling;

namespace Pulya.Pooling;

/// <summary>The <c>None</c> pool provider: every rent creates a new object; a returned object is reset (releasing what it holds, e.g. a pooled body buffer) and dropped. The baseline pooling modules are measured against.</summary>
public sealed class NoPoolProvider : IRequestPoolProvider
{
    /// <summary>The name the provider is registered and selected under.</summary>
    public const string Name = "None";

    /// <inheritdoc />
    public IRequestPool<T> Create<T>(Func<T> create)
        where T : class, IPoolable
    {
        ArgumentNullException.ThrowIfNull(create);
        return new NoPool<T>(create);
    }

    private sealed class NoPool<T>(Func<T> create) : IRequestPool<T>
        where T : class, IPoolable
    {
        public T Rent() => create();

        public void Return(T item)
        {
            ArgumentNullException.ThrowIfNull(item);
            item.Reset();
        }
    }
}
