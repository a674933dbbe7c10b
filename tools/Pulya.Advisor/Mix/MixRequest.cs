namespace Pulya.Advisor.Mix;

/// <summary>One request of the mix: where it came from (<c>routes</c>, a file and line), a label for reports, and the request.</summary>
internal sealed record MixRequest(string Source, string Label, HttpRequestData Request);
