using System.Collections.Concurrent;
using System.ComponentModel;

namespace Pulya.OpenApi.Generated;

/// <summary>
/// Facts about serialized types that System.Text.Json's metadata does not carry and the source generator read from the
/// compilation: whether each member of a reference type is annotated nullable. Registered by generated code when its
/// assembly loads; the schema generator asks here before reflecting on the member. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedSchemaFacts
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, bool>> Members = new();

    /// <summary>Registers whether each serialized member of <paramref name="type"/> of a reference type is annotated nullable.</summary>
    /// <param name="type">A serialized class, struct or record.</param>
    /// <param name="members">Each member's name as serialized without a naming policy (<c>[JsonPropertyName]</c>, else the member's name), and whether it is annotated nullable.</param>
    public static void RegisterMembers(Type type, params (string Name, bool Nullable)[] members)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(members);
        var names = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, nullable) in members)
        {
            names[name] = nullable;
        }

        Members[type] = names;
    }

    /// <summary>Whether the member serialized as <paramref name="name"/> is annotated nullable; null when it is not registered.</summary>
    internal static bool? IsNullable(Type type, string name) =>
        Members.TryGetValue(type, out var names) && names.TryGetValue(name, out var nullable) ? nullable : null;
}
