namespace Pulya.Pooling;

/// <summary>A per-request object that can be reused: <see cref="Reset"/> clears every trace of the previous request.</summary>
public interface IPoolable
{
    /// <summary>Clears all request state. Called when the object goes back to a pool.</summary>
    void Reset();
}
