namespace Pulya.Tests.Hosting;

/// <summary>Tests that change process-wide state (environment variables, the working directory) run alone.</summary>
[CollectionDefinition(nameof(ProcessStateCollection), DisableParallelization = true)]
public sealed class ProcessStateCollection;
