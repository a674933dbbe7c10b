namespace Pulya.Middleware;

/// <summary>What an authentication hook decided about a request.</summary>
public enum AccessDecision
{
    /// <summary>The request goes on to the handler.</summary>
    Allow,

    /// <summary>The caller is not (or not validly) authenticated: 401 with a <c>WWW-Authenticate</c> challenge.</summary>
    Unauthenticated,

    /// <summary>The caller is authenticated but not allowed here: 403.</summary>
    Forbidden,
}
