namespace Pulya.Generators;

/// <summary>
/// The generated-code contract this generator emits against: the members of Pulya's <c>Pulya.CompilerServices</c>
/// namespace. Generated code passes <see cref="Version"/> when it registers; Pulya refuses to start when its own
/// <c>Pulya.CompilerServices.GeneratedCodeContract.Version</c> differs. Bumped together with that constant.
/// </summary>
public static class GeneratedCodeContract
{
    /// <summary>The contract version stamped into generated code.</summary>
    public const int Version = 2;
}
