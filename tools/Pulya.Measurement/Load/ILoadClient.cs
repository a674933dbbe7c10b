namespace Pulya.Measurement;

/// <summary>A load generator: the built-in socket client (<see cref="BuiltInClient"/>) or, in the load tool, wrk.</summary>
internal interface ILoadClient
{
    string Name { get; }

    Task<LoadResult> RunAsync(LoadRequest request, CancellationToken cancellationToken);
}
