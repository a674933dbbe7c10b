using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using MessagePack;

namespace Pulya.Serialization;

/// <summary>
/// Reads the constructor arguments of a <see cref="JsonNamedObjectFormatter{T}"/> type from its map and calls the
/// constructor: up to eight parameters in typed locals (nothing boxed, nothing allocated but the object), more through
/// an argument array. Parameters the map does not name get their default value, as with System.Text.Json.
/// </summary>
[RequiresDynamicCode(DynamicCodeRequirement.Message)]
[RequiresUnreferencedCode(DynamicCodeRequirement.Message)]
internal abstract class ConstructorReader<T>
{
    private const int TypedParameters = 8;

    /// <summary>Reads the map's entries (constructor arguments; other members are only marked seen and skipped) and constructs the object.</summary>
    public abstract T Read(JsonNamedObjectFormatter<T> owner, ref MessagePackReader reader, int count, scoped Span<bool> seen, MessagePackSerializerOptions options);

    public static ConstructorReader<T> Create(ConstructorInfo constructor, ParameterInfo[] parameters)
    {
        var defaults = parameters.Select(p => p.HasDefaultValue && p.DefaultValue is { } value ? value
            : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        if (parameters.Length > TypedParameters)
        {
            return new Boxed(constructor, parameters, defaults);
        }

        Type[] types = [typeof(T), .. parameters.Select(p => p.ParameterType), .. Enumerable.Repeat(typeof(byte), TypedParameters - parameters.Length)];
        return (ConstructorReader<T>)Activator.CreateInstance(typeof(ConstructorReader<>.Typed<,,,,,,,>).MakeGenericType(types), constructor, defaults)!;
    }

    /// <summary>Up to eight arguments in typed locals; the unused ones are <see cref="byte"/> and not passed on.</summary>
    private sealed class Typed<A0, A1, A2, A3, A4, A5, A6, A7> : ConstructorReader<T>
    {
        private readonly Func<A0, A1, A2, A3, A4, A5, A6, A7, T> _new;
        private readonly object?[] _defaults;

        public Typed(ConstructorInfo constructor, object?[] defaults)
        {
            var arguments = GetType().GetGenericArguments().Skip(1).Select(Expression.Parameter).ToArray();
            _new = Expression.Lambda<Func<A0, A1, A2, A3, A4, A5, A6, A7, T>>(Expression.New(constructor, arguments.Take(defaults.Length)), arguments).Compile();
            _defaults = [.. defaults, .. Enumerable.Repeat<object?>((byte)0, TypedParameters - defaults.Length)];
        }

        public override T Read(JsonNamedObjectFormatter<T> owner, ref MessagePackReader reader, int count, scoped Span<bool> seen, MessagePackSerializerOptions options)
        {
            A0 a0 = (A0)_defaults[0]!;
            A1 a1 = (A1)_defaults[1]!;
            A2 a2 = (A2)_defaults[2]!;
            A3 a3 = (A3)_defaults[3]!;
            A4 a4 = (A4)_defaults[4]!;
            A5 a5 = (A5)_defaults[5]!;
            A6 a6 = (A6)_defaults[6]!;
            A7 a7 = (A7)_defaults[7]!;
            for (var i = 0; i < count; i++)
            {
                if (owner.Find(ref reader, i, seen) is not (var index and >= 0))
                {
                    continue;
                }

                var member = owner.Member(index);
                switch (member.Parameter)
                {
                    case 0: a0 = ((MemberAccess<T, A0>)member).ReadValue(ref reader, options); break;
                    case 1: a1 = ((MemberAccess<T, A1>)member).ReadValue(ref reader, options); break;
                    case 2: a2 = ((MemberAccess<T, A2>)member).ReadValue(ref reader, options); break;
                    case 3: a3 = ((MemberAccess<T, A3>)member).ReadValue(ref reader, options); break;
                    case 4: a4 = ((MemberAccess<T, A4>)member).ReadValue(ref reader, options); break;
                    case 5: a5 = ((MemberAccess<T, A5>)member).ReadValue(ref reader, options); break;
                    case 6: a6 = ((MemberAccess<T, A6>)member).ReadValue(ref reader, options); break;
                    case 7: a7 = ((MemberAccess<T, A7>)member).ReadValue(ref reader, options); break;
                    default: reader.Skip(); break;
                }
            }

            return _new(a0, a1, a2, a3, a4, a5, a6, a7);
        }
    }

    /// <summary>More than eight parameters: the arguments in an array, value types boxed.</summary>
    private sealed class Boxed : ConstructorReader<T>
    {
        private readonly Func<object?[], T> _new;
        private readonly object?[] _defaults;

        public Boxed(ConstructorInfo constructor, ParameterInfo[] parameters, object?[] defaults)
        {
            var arguments = Expression.Parameter(typeof(object?[]));
            _new = Expression.Lambda<Func<object?[], T>>(
                Expression.New(constructor, parameters.Select(p => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(p.Position)), p.ParameterType))),
                arguments).Compile();
            _defaults = defaults;
        }

        public override T Read(JsonNamedObjectFormatter<T> owner, ref MessagePackReader reader, int count, scoped Span<bool> seen, MessagePackSerializerOptions options)
        {
            var arguments = (object?[])_defaults.Clone();
            for (var i = 0; i < count; i++)
            {
                if (owner.Find(ref reader, i, seen) is not (var index and >= 0))
                {
                    continue;
                }

                var member = owner.Member(index);
                if (member.IsParameter)
                {
                    arguments[member.Parameter] = member.ReadBoxed(ref reader, options);
                }
                else
                {
                    reader.Skip();
                }
            }

            return _new(arguments);
        }
    }
}
