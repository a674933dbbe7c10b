using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Pulya.Tests.Validation;

/// <summary>A body with rules on record parameters, a nested object, collections and a renamed member.</summary>
public sealed record NewItem(
    [Required] string? Name,
    [Range(1, 100)] int Quantity,
    [StringLength(5)] string? Code,
    [RegularExpression("^[a-z]+$")] string? Slug,
    ItemAddress? Address,
    List<ItemLine>? Lines,
    IEnumerable<ItemLine>? Extra = null);

public sealed class ItemAddress
{
    [Required]
    public string? Street { get; set; }

    [JsonPropertyName("postal_code")]
    [Display(Name = "Postal code")]
    [StringLength(5, MinimumLength = 5)]
    public string? PostalCode { get; set; }
}

public sealed record ItemLine([property: Required] string? Sku, [property: Range(1, 10)] int Count);

/// <summary>A body that checks itself once its members are valid; reads a service through the validation context.</summary>
public sealed class Period : IValidatableObject
{
    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    [Required]
    public string? Label { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (To < From)
        {
            yield return new ValidationResult("To must not be before From.", [nameof(To)]);
        }

        if (validationContext.GetService(typeof(ReservedLabels)) is ReservedLabels reserved && reserved.Labels.Contains(Label))
        {
            yield return new ValidationResult("This label is reserved.");
        }
    }
}

public sealed class ReservedLabels
{
    public string[] Labels { get; } = ["admin"];
}

/// <summary>A type that reaches itself.</summary>
public sealed class TreeNode
{
    [Required]
    public string? Name { get; set; }

    public TreeNode? Next { get; set; }
}

/// <summary>A class-level rule.</summary>
[NotEqualNames]
public sealed record Pair(string? First, string? Second);

public sealed class NotEqualNamesAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not Pair pair || pair.First != pair.Second;

    public override string FormatErrorMessage(string name) => "First and Second must differ.";
}

/// <summary>No rules anywhere.</summary>
public sealed record PlainItem(string Name, int Count, PlainPart? Part);

public sealed record PlainPart(string Label);

/// <summary>A form model with rules.</summary>
public sealed class SignUp
{
    [Required]
    public string? Name { get; set; }

    [Range(18, 130)]
    public int Age { get; set; }
}

/// <summary>No rules of its own; reaches a type that has some.</summary>
public sealed record Envelope(string? Note, ItemAddress? Address);
