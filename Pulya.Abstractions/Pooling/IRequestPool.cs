using Microsoft.AspNetCore.Http.Features;

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

    /// <summary>
    /// Returns an object ready for the request the server describes with <paramref name="features"/> (the collection Kestrel
    /// passes to <c>IHttpApplication&lt;TContext&gt;.CreateContext</c>, which also carries the connection). A provider may keep
    /// one object per connection there; by default this is <see cref="Rent()"/>.
    /// </summary>
    /// <param name="features">The server's features of the request.</param>
    T Rent(IFeatureCollection features) => Rent();

    /// <summary>
    /// Gives back an object rented with <see cref="Rent(IFeatureCollection)"/> for the same <paramref name="features"/>; the pool
    /// resets it and may keep it for the next request of that connection. By default this is <see cref="Return(T)"/>.
    /// </summary>
    /// <param name="item">The object rented for the request.</param>
    /// <param name="features">The features the object was rented with.</param>
    void Return(T item, IFeatureCollection features) => Return(item);
}
