using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Pulya.DependencyInjection;

/// <summary>
/// Binds configuration to an options object and turns what the binder throws (a value it cannot convert, a setter that
/// rejects a value) into an <see cref="OptionsValidationException"/> whose one-line message names the configuration key
/// and the value, so a bad value stops the start-up like any other invalid option. Used by
/// <see cref="PulyaBuilder.AddModuleOptions{TOptions}"/> and by hosts binding options of their own the same way.
/// </summary>
public static class OptionsBinding
{
    // Why reflection-based binding is safe under trimming and Native AOT here.
    private const string BindingJustification = "The options type's members are kept (DynamicallyAccessedMembers.All on T); options hold primitive, string and enum properties, which the binder sets without generating code.";

    /// <summary>Binds <paramref name="configuration"/> to <paramref name="target"/>.</summary>
    /// <exception cref="OptionsValidationException">A value cannot be converted, or a setter rejected it.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = BindingJustification)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = BindingJustification)]
    public static void Bind<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(IConfiguration configuration, T target)
        where T : class
    {
        try
        {
            configuration.Bind(target);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's own message names the key and the target type, on one line.
            throw Invalid(target.GetType(), ex.Message);
        }
        catch (TargetInvocationException ex)
        {
            // A setter threw; the binder does not say for which key, so bind the values one at a time to find it.
            ThrowForRejectedValue(configuration, target);
            throw Invalid(target.GetType(), $"{Path(configuration)}: the values are invalid together. {Reason(ex.InnerException!)}");
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

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = BindingJustification)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = BindingJustification)]
    private static void ThrowForRejectedValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(IConfiguration configuration, T target)
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
                single.Bind(target);
            }
            catch (TargetInvocationException ex)
            {
                throw Invalid(target.GetType(), $"{(prefix.Length == 0 ? key : $"{prefix}:{key}")}: '{value}' is invalid. {Reason(ex.InnerException!)}");
            }
        }
    }

    private static string Path(IConfiguration configuration) => (configuration as IConfigurationSection)?.Path ?? string.Empty;
}
