namespace Pulya.Testing;

/// <summary>
/// Every <see cref="TestTransport"/>, for suites that run each case on both servers with one parameter instead of copied
/// tests: xunit's <c>[Theory, MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]</c>, NUnit's
/// <c>TestCaseSource</c> or MSTest's <c>DynamicData</c>.
/// </summary>
public static class TestTransports
{
    /// <summary>Every transport: <see cref="TestTransport.TestServer"/>, then <see cref="TestTransport.Kestrel"/>.</summary>
    public static IReadOnlyList<TestTransport> All { get; } = [TestTransport.TestServer, TestTransport.Kestrel];

    /// <summary><see cref="All"/> as test-case rows of one argument each (the shape data-driven test attributes take).</summary>
    public static IEnumerable<object[]> Data => All.Select(transport => new object[] { transport });
}
