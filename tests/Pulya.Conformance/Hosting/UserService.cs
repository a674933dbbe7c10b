using Pulya.Http;

namespace Pulya.Conformance.Hosting;

/// <summary>A scoped service that reads the current request.</summary>
public sealed class UserService(PulyaRequest request)
{
    public string Describe() => $"<User {request.Path}>";
}
