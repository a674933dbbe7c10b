namespace Pulya.Routing.Trie;

/// <summary>
/// Counts the work of one match, to prove in tests that it is bounded (no wall clock). The router is generic over the
/// counter so the production instantiation (<see cref="NoStepCounter"/>) compiles to nothing.
/// </summary>
internal interface IStepCounter
{
    /// <summary>A trie node (or the static table) was visited.</summary>
    void Visit();

    /// <summary><paramref name="characters"/> characters of the path were examined to find and compare one segment.</summary>
    void Scan(int characters);
}

/// <summary>The counter of production matches: does nothing.</summary>
internal struct NoStepCounter : IStepCounter
{
    public readonly void Visit()
    {
    }

    public readonly void Scan(int characters)
    {
    }
}

/// <summary>Counts visits and scanned characters.</summary>
internal struct StepCounter : IStepCounter
{
    public int Visits { get; private set; }

    public long Characters { get; private set; }

    public void Visit() => Visits++;

    public void Scan(int characters) => Characters += characters;
}
