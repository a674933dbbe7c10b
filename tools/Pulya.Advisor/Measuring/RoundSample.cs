namespace Pulya.Advisor.Measuring;

/// <summary>One candidate in one round: a fresh process, its start-up, and one measured load of the mix.</summary>
internal sealed record RoundSample(
    string Candidate,
    int Phase,
    int Round,
    double RequestsPerSecond,
    long Requests,
    double P50Ms,
    double P99Ms,
    double? AllocatedBytesPerRequest,
    double FirstResponseMs,
    double IdleWorkingSetMb,
    double PeakWorkingSetMb,
    long Non2xx,
    long SocketErrors);
