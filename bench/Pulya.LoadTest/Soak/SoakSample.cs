namespace Pulya.LoadTest.Soak;

/// <summary>One sample of the server during a soak: memory (bytes), GC counts so far, route cache entries (null when not read), load.</summary>
internal sealed record SoakSample(double Seconds, long WorkingSet, long GcHeapAfterLastGc, double Gen0, double Gen1, double Gen2, int? RouteCacheCount, double RequestsPerSecond);
