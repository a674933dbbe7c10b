using Pulya.Http;

namespace Pulya.Testing.Conformance.Hosting;

/// <summary>A scoped service that reads the current request.</summary>
public sealed class UserService(PulyaRequest request)
{
    /// <summary>Describes the user of the current request: <c>&lt;User /path&gt;</c>.</summary>
    public string Describe() => $"<User {request.Path}>";
}
