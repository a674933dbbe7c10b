namespace Pulya.Testing.TestApp;

/// <summary>A type of this application's assembly, for <c>PulyaApplicationFactory&lt;TestAppEntry&gt;</c> (its <c>Program</c> stays internal).</summary>
public sealed class TestAppEntry;
