namespace Pulya;

/// <summary>
/// Binds the parameter from the request's form (<c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>):
/// a simple type from the field of that name, <see cref="Http.PulyaFile"/> from the file of that name,
/// <see cref="Http.PulyaForm"/> from the whole form, any other class from the fields and files named after its properties
/// (or constructor parameters). Parameters of type <see cref="Http.PulyaForm"/> and <see cref="Http.PulyaFile"/> bind from
/// the form without the attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FormAttribute : Attribute
{
    /// <summary>Binds from the field or file with the parameter's own name.</summary>
    public FormAttribute()
    {
    }

    /// <summary>Binds from the field or file <paramref name="name"/>.</summary>
    public FormAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The field or file name (case-insensitive); null means the parameter's name.</summary>
    public string? Name { get; }
}
