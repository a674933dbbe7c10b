using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pulya.DependencyInjection;

/// <summary>
/// Binds configuration to an options object and turns what the binder throws (a value it cannot convert, a setter that
/// rejects a value) into an <see cref="OptionsValidationException"/> whose one-line message names the configuration key
/// and the value, so a bad value stops the start-up like any other invalid option. Used by
/// <see cref="PulyaBuilder.AddModuleOptions{TOptions}(string)"/> and by hosts binding options of their own the same way.
/// </summary>
public static class OptionsBinding
{
    // Why reflection-based binding is safe under trimming and Native AOT here.
    private const string BindingJustification = "The options type's members are kept (DynamicallyAccessedMembers.All on T); options hold primitive, string and enum properties, which the binder sets without generating code.";

    /// <summary>Binds <paramref name="configuration"/> to <paramref name="target"/> with the configuration binder's reflection.</summary>
    /// <exception cref="OptionsValidationException">A value cannot be converted, or a setter rejected it.</exception>
    public static void Bind<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(IConfiguration configuration, T target)
        where T : class =>
        Bind(configuration, target, ReflectionBinder<T>.Bind);

    /// <summary>
    /// Binds <paramref name="configuration"/> to <paramref name="target"/> with <paramref name="bind"/>: a lambda calling
    /// <c>configuration.Bind(options)</c> on the options' own type, in a project that sets
    /// <c>EnableConfigurationBindingGenerator</c>, binds with code generated at build time instead of reflection (and so
    /// without loading <c>System.ComponentModel.TypeConverter</c>), with the same errors.
    /// </summary>
    /// <exception cref="OptionsValidationException">A value cannot be converted, or a setter rejected it.</exception>
    public static void Bind<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(IConfiguration configuration, T target, Action<IConfiguration, T> bind)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(bind);
        try
        {
            bind(configuration, target);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's own message names the key and the target type, on one line; for an enum, the values it takes say more.
            throw Invalid(target.GetType(), UnknownEnumValue<T>(configuration) ?? ex.Message);
        }
        catch (Exception ex) when (Rejected(ex) is { } rejection)
        {
            // A setter threw; the binder does not say for which key, so bind the values one at a time to find it.
            ThrowForRejectedValue(configuration, target, bind);
            throw Invalid(target.GetType(), $"{Path(configuration)}: the values are invalid together. {Reason(rejection)}");
        }
    }

    /// <summary>The exception for an invalid option: one message, naming the key.</summary>
    public static OptionsValidationException Invalid(Type optionsType, string message) =>
        new(Options.DefaultName, optionsType, [message]);

    /// <summary>The message of <paramref name="exception"/> without the parameter name .NET appends to argument exceptions.</summary>
    public static string Reason(Exception exception) =>
        exception is ArgumentException { ParamName: { } name } argument
            ? argument.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)
            : exception.Message;

    /// <summary>
    /// What a setter threw while binding, or null: the reflection binder wraps it in a <see cref="TargetInvocationException"/>,
    /// generated binding calls the setter directly (an argument exception, as setters throw).
    /// </summary>
    private static Exception? Rejected(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => inner,
        ArgumentException => exception,
        _ => null,
    };

    private static void ThrowForRejectedValue<T>(IConfiguration configuration, T target, Action<IConfiguration, T> bind)
        where T : class
    {
        var prefix = Path(configuration);
        foreach (var (key, value) in configuration.AsEnumerable(makePathsRelative: true))
        {
            if (value is null)
            {
                continue;
            }

            var single = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
            try
            {
                bind(single, target);
            }
            catch (Exception ex) when (Rejected(ex) is { } rejection)
            {
                throw Invalid(target.GetType(), $"{(prefix.Length == 0 ? key : $"{prefix}:{key}")}: '{value}' is invalid. {Reason(rejection)}");
            }
        }
    }

    /// <summary>The message for a value of an enum option that names none of its members, listing them; null when there is none.</summary>
    private static string? UnknownEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(IConfiguration configuration)
    {
        var prefix = Path(configuration);
        foreach (var (key, value) in configuration.AsEnumerable(makePathsRelative: true))
        {
            var property = value is null ? null : typeof(T).GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type is { IsEnum: true } && !Enum.TryParse(type, value, ignoreCase: true, out _))
            {
                return $"{(prefix.Length == 0 ? key : $"{prefix}:{key}")}: '{value}' is not one of {string.Join(", ", Enum.GetNames(type))}.";
            }
        }

        return null;
    }

    private static class ReflectionBinder<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>
        where T : class
    {
        public static readonly Action<IConfiguration, T> Bind = BindWithReflection;

        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = BindingJustification)]
        [UnconditionalSuppressMessage("AOT", "IL3050", Justification = BindingJustification)]
        private static void BindWithReflection(IConfiguration configuration, T target) => configuration.Bind(target);
    }

    private static string Path(IConfiguration configuration) => (configuration as IConfigurationSection)?.Path ?? string.Empty;
}
