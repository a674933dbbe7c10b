using Pulya.Advisor.Mix;

namespace Pulya.Advisor.Correctness;

/// <summary>
/// The defaults' answers to the mix, collected twice from one process: a request whose two answers differ (a clock, a
/// counter, a random id in the body) is compared by status only; the others by status, media type and body.
/// </summary>
internal sealed class Baseline(IReadOnlyList<MixRequest> mix, IReadOnlyList<Answer> first, IReadOnlyList<Answer> second)
{
    public IReadOnlyList<MixRequest> Mix { get; } = mix;

    public IReadOnlyList<Answer> Answers { get; } = first;

    /// <summary>Whether request <paramref name="index"/> got two different answers from the defaults.</summary>
    public bool Varies(int index) => Answers[index].Difference(second[index], statusOnly: false) is not null;

    /// <summary>The requests that go into the timed mix: those the defaults answered with 2xx.</summary>
    public IReadOnlyList<MixRequest> Timed => [.. Mix.Where((_, i) => Answers[i].Status is >= 200 and < 300)];

    /// <summary>How <paramref name="answers"/> differ from the defaults', one line per differing request (none: the same).</summary>
    public IReadOnlyList<string> Differences(IReadOnlyList<Answer> answers) =>
        [.. Mix.Select((request, i) => Answers[i].Difference(answers[i], Varies(i)) is { } difference ? $"{request.Label}: {difference}" : null).OfType<string>()];
}
