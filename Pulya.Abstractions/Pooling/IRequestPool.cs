namespace Pulya.Pooling;

/// <summary>A thread-safe source of per-request objects of one type.</summary>
/// <typeparam name="T">The pooled type.</typeparam>
public interface IRequestPool<T>
    where T : class, IPoolable
{
    /// <summary>Returns an object ready for a new request: reused from the pool, or newly created.</summary>
    T Rent();

    /// <summary>Gives the object back after its request; the pool resets it and may keep it or drop it.</summary>
    void Return(T item);
}
