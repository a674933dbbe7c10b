using Microsoft.Extensions.Options;

namespace Pulya.OpenApi.Documents;

/// <summary>Validates each document's <see cref="PulyaOpenApiOptions"/> at start-up; a failure names the configuration key and the value.</summary>
internal sealed class PulyaOpenApiOptionsValidator : IValidateOptions<PulyaOpenApiOptions>
{
    public ValidateOptionsResult Validate(string? name, PulyaOpenApiOptions options)
    {
        // The unnamed options only claim and bind the section; each document's named options are validated.
        if (string.IsNullOrEmpty(name))
        {
            return ValidateOptionsResult.Skip;
        }

        var documentName = options.DocumentName;
        if (string.IsNullOrEmpty(documentName))
        {
            return ValidateOptionsResult.Fail("Pulya:OpenApi:DocumentName is empty; name the document (default v1), e.g. v1 or public.");
        }

        return documentName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Pulya:OpenApi:DocumentName: '{documentName}' is not a URL-safe name; use letters, digits, '-', '.', '_' or '~' only.");
    }
}
