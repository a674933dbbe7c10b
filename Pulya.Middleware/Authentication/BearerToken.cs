using System.Security.Cryptography;
using System.Text;
using Pulya.Http;

namespace Pulya.Middleware;

/// <summary>Reads and checks bearer tokens (<c>Authorization: Bearer &lt;token&gt;</c>, RFC 6750).</summary>
public static class BearerToken
{
    /// <summary>The token of <paramref name="request"/>'s <c>Authorization: Bearer</c> header, or null when there is none.</summary>
    public static string? Read(PulyaRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Get("Authorization");
        if (header is null || header.Length <= 7 || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[7..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>Whether <paramref name="token"/> equals one of <paramref name="accepted"/>, compared in constant time per candidate.</summary>
    public static bool Matches(string token, IEnumerable<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(accepted);
        var presented = Encoding.UTF8.GetBytes(token);
        var found = false;
        foreach (var candidate in accepted)
        {
            // No early exit: the time taken does not tell which candidate (or how much of one) matched.
            found |= CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(candidate));
        }

        return found;
    }
}
