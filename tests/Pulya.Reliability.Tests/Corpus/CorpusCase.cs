using Pulya.Tests.Shared.Http;

namespace Pulya.Reliability.Tests.Corpus;

/// <summary>
/// One line of a corpus file: a name, the expected status(es), and the request. See <c>Corpus/README.md</c> for the format.
/// </summary>
public sealed record CorpusCase(string File, int Line, string Name, CorpusExpectation Expected, RawRequest Request, string Source)
{
    /// <summary>What xunit shows for the theory case.</summary>
    public override string ToString() => $"{File}:{Line} {Name}";
}
