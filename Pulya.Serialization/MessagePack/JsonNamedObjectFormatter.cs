using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using MessagePack;
using MessagePack.Formatters;

namespace Pulya.Serialization;

/// <summary>
/// A plain object as a MessagePack map keyed by its JSON property names (<see cref="JsonPropertyNamesResolver"/>):
/// the members, names, order and constructor System.Text.Json uses for the type, with each key encoded once. Writing
/// allocates nothing; reading allocates the object alone (a type built through more than eight constructor parameters
/// also an argument array, with value-type arguments boxed). Keys match exactly, or ignoring case when the JSON side
/// does; a second value for a member is refused as a duplicate property; a value under an unknown key is skipped, and
/// must be complete. Members set after a constructor are read in a second pass over the map.
/// </summary>
[RequiresDynamicCode(DynamicCodeRequirement.Message)]
[RequiresUnreferencedCode(DynamicCodeRequirement.Message)]
internal sealed class JsonNamedObjectFormatter<T> : IMessagePackFormatter<T>
{
    private const int StackLength = 256;

    private readonly MemberAccess<T>[] _written;
    private readonly MemberAccess<T>[] _read;
    private readonly bool _ignoreCase;
    private readonly Func<T>? _create;
    private readonly ConstructorReader<T>? _constructor;
    private readonly bool _setAfterConstructor;

    private JsonNamedObjectFormatter(JsonTypeInfo info)
    {
        _ignoreCase = info.Options.PropertyNameCaseInsensitive;
        var constructor = info.ConstructorAttributeProvider as ConstructorInfo;
        var parameters = constructor?.GetParameters() ?? [];
        var members = new List<MemberAccess<T>>();
        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider is MemberInfo member && !property.IsExtensionData)
            {
                members.Add((MemberAccess<T>)Activator.CreateInstance(
                    typeof(MemberAccess<,>).MakeGenericType(typeof(T), property.PropertyType),
                    property.Name, member, property.AssociatedParameter?.Position ?? -1, property.Get is not null, property.Set is not null)!);
            }
        }

        _written = [.. members.Where(m => m.CanGet)];
        _read = [.. members.Where(m => m.IsParameter || m.CanSet)];
        _setAfterConstructor = parameters.Length > 0 && _read.Any(m => !m.IsParameter);
        _constructor = parameters.Length == 0 ? null : ConstructorReader<T>.Create(constructor!, parameters);
        if (parameters.Length == 0)
        {
            _create = Expression.Lambda<Func<T>>(constructor is null ? Expression.Default(typeof(T)) : Expression.New(constructor)).Compile();
        }
    }

    public static JsonNamedObjectFormatter<T> Create(JsonTypeInfo info) => new(info);

    public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteMapHeader(_written.Length);
        foreach (var member in _written)
        {
            writer.WriteRaw(member.Key);
            member.Write(ref writer, value, options);
        }
    }

    public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return default!;
        }

        options.Security.DepthStep(ref reader);
        try
        {
            var count = reader.ReadMapHeader();
            Span<bool> seen = _read.Length <= StackLength ? stackalloc bool[_read.Length] : new bool[_read.Length];
            if (_constructor is null)
            {
                return Populate(ref reader, count, seen, options);
            }

            var entries = reader;
            var result = _constructor.Read(this, ref reader, count, seen, options);
            return _setAfterConstructor ? SetAfterConstructor(ref entries, count, result, options) : result;
        }
        finally
        {
            reader.Depth--;
        }
    }

    /// <summary>The member read at <paramref name="index"/> (see <see cref="Find"/>).</summary>
    public MemberAccess<T> Member(int index) => _read[index];

    /// <summary>Reads a key and returns the member it names, marked as seen; -1 for an unknown key, whose value is then skipped whole.</summary>
    /// <exception cref="BodyFormatException">The member was seen before in this map.</exception>
    public int Find(ref MessagePackReader reader, int position, scoped Span<bool> seen)
    {
        var index = ReadKey(ref reader, position);
        if (index < 0)
        {
            return -1;
        }

        if (seen[index])
        {
            throw new BodyFormatException($"Malformed MessagePack body: duplicate property in a map, ending at byte {reader.Consumed}.");
        }

        seen[index] = true;
        return index;
    }

    private T Populate(ref MessagePackReader reader, int count, scoped Span<bool> seen, MessagePackSerializerOptions options)
    {
        var result = _create!();
        for (var i = 0; i < count; i++)
        {
            if (Find(ref reader, i, seen) is var index and >= 0)
            {
                _read[index].Read(ref reader, ref result, options);
            }
        }

        return result;
    }

    /// <summary>Second pass over a map already checked by the first: the members that are not constructor parameters.</summary>
    private T SetAfterConstructor(ref MessagePackReader reader, int count, T result, MessagePackSerializerOptions options)
    {
        for (var i = 0; i < count; i++)
        {
            var index = ReadKey(ref reader, i);
            if (index >= 0 && !_read[index].IsParameter)
            {
                _read[index].Read(ref reader, ref result, options);
            }
            else if (index >= 0)
            {
                reader.Skip();
            }
        }

        return result;
    }

    /// <summary>Reads a key: the index of the member it names, or -1 with the unknown key's value skipped.</summary>
    private int ReadKey(ref MessagePackReader reader, int position)
    {
        var index = -1;
        if (reader.NextMessagePackType != MessagePackType.String)
        {
            reader.Skip();
        }
        else if (reader.TryReadStringSpan(out var key))
        {
            index = Match(key, position);
        }
        else
        {
            // A key split across the body's segments: rare, copied.
            index = Match(reader.ReadStringSequence()!.Value.ToArray(), position);
        }

        if (index < 0)
        {
            reader.Skip();
        }

        return index;
    }

    private int Match(ReadOnlySpan<byte> key, int position)
    {
        var read = _read;
        if ((uint)position < (uint)read.Length && key.SequenceEqual(read[position].Name))
        {
            return position;
        }

        for (var i = 0; i < read.Length; i++)
        {
            if (key.SequenceEqual(read[i].Name))
            {
                return i;
            }
        }

        return _ignoreCase ? MatchIgnoringCase(key) : -1;
    }

    private int MatchIgnoringCase(ReadOnlySpan<byte> key)
    {
        Span<char> chars = key.Length <= StackLength ? stackalloc char[key.Length] : new char[key.Length];
        chars = chars[..Encoding.UTF8.GetChars(key, chars)];
        for (var i = 0; i < _read.Length; i++)
        {
            if (chars.Equals(_read[i].Text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One member of a <see cref="JsonNamedObjectFormatter{T}"/>: its name, encoded key and typed accessors.</summary>
internal abstract class MemberAccess<T>(string name, int parameter)
{
    /// <summary>The JSON name.</summary>
    public string Text { get; } = name;

    /// <summary>The JSON name in UTF-8.</summary>
    public byte[] Name { get; } = Encoding.UTF8.GetBytes(name);

    /// <summary>The name as a MessagePack str, written as it is.</summary>
    public byte[] Key { get; } = Encode(name);

    /// <summary>The position of the constructor parameter the member is read into; -1 when it is not one.</summary>
    public int Parameter { get; } = parameter;

    public bool IsParameter => Parameter >= 0;

    public abstract bool CanGet { get; }

    public abstract bool CanSet { get; }

    public abstract void Write(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options);

    public abstract void Read(ref MessagePackReader reader, ref T target, MessagePackSerializerOptions options);

    public abstract object? ReadBoxed(ref MessagePackReader reader, MessagePackSerializerOptions options);


    private static byte[] Encode(string name)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.Write(name);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>Typed accessors compiled once; the member's formatter is looked up once per resolver.</summary>
[RequiresDynamicCode(DynamicCodeRequirement.Message)]
[RequiresUnreferencedCode(DynamicCodeRequirement.Message)]
internal sealed class MemberAccess<T, TMember> : MemberAccess<T>
{
    private readonly Func<T, TMember>? _get;
    private readonly Setter? _set;
    private Resolved? _resolved;

    public MemberAccess(string name, MemberInfo member, int parameter, bool canGet, bool canSet)
        : base(name, parameter)
    {
        // Get and Set as System.Text.Json has them (none for [JsonIgnore], a non-public accessor or a read-only field).
        var target = Expression.Parameter(typeof(T));
        if (canGet)
        {
            _get = Expression.Lambda<Func<T, TMember>>(Expression.MakeMemberAccess(target, member), target).Compile();
        }

        if (canSet)
        {
            var reference = Expression.Parameter(typeof(T).MakeByRefType());
            var value = Expression.Parameter(typeof(TMember));
            _set = Expression.Lambda<Setter>(Expression.Assign(Expression.MakeMemberAccess(reference, member), value), reference, value).Compile();
        }
    }

    private delegate void Setter(ref T target, TMember value);

    public override bool CanGet => _get is not null;

    public override bool CanSet => _set is not null;

    public override void Write(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options) =>
        Formatter(options).Serialize(ref writer, _get!(value), options);

    public override void Read(ref MessagePackReader reader, ref T target, MessagePackSerializerOptions options) =>
        _set!(ref target, Formatter(options).Deserialize(ref reader, options));

    public override object? ReadBoxed(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        Formatter(options).Deserialize(ref reader, options);

    /// <summary>Reads the member's value (a constructor argument).</summary>
    public TMember ReadValue(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        Formatter(options).Deserialize(ref reader, options);

    private IMessagePackFormatter<TMember> Formatter(MessagePackSerializerOptions options)
    {
        var resolved = _resolved;
        if (resolved is null || !ReferenceEquals(resolved.Resolver, options.Resolver))
        {
            resolved = new Resolved(options.Resolver, options.Resolver.GetFormatterWithVerify<TMember>());
            _resolved = resolved;
        }

        return resolved.Formatter;
    }

    private sealed record Resolved(IFormatterResolver Resolver, IMessagePackFormatter<TMember> Formatter);
}
