using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Pulya.Validation;

/// <summary>
/// The types whose members validation may read under trimming and Native AOT. Pulya's source generator registers the
/// body types of the endpoints it binds, and every type they reach, from a module initializer of the application; the
/// annotation on <see cref="Register"/> keeps their properties, constructors and interfaces through trimming.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValidatableTypes
{
    private static readonly ConcurrentDictionary<Type, bool> Registered = new();

    /// <summary>Registers <paramref name="type"/> (called by generated code).</summary>
    public static void Register([DynamicallyAccessedMembers(Kept)] Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Registered.TryAdd(type, true);
    }

    /// <summary>The members validation reads.</summary>
    internal const DynamicallyAccessedMemberTypes Kept =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.Interfaces;

    /// <summary>Whether the generator registered <paramref name="type"/>.</summary>
    internal static bool IsRegistered(Type type) => Registered.ContainsKey(type);
}
