using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Shian.Web;

/// <summary>
/// Gives the framework's validation attributes that carry no message of their own (a bare [Required], [Range] or
/// [StringLength]) a resource key, so that the data-annotations localizer shows Chinese ("请填写“名称”") instead of
/// "The Name field is required." (usability finding 13). The implicit requirement of a non-nullable number only ever
/// reached the page as data-val-* attributes; pages validate on the server, so those are not emitted at all
/// (<c>ClientValidationEnabled = false</c> in WebModule).
/// </summary>
public sealed class ChineseValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
            {
                continue;
            }

            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => "Validation.Required",
                RangeAttribute => "Validation.Range",
                StringLengthAttribute => "Validation.StringLength",
                MaxLengthAttribute => "Validation.MaxLength",
                MinLengthAttribute => "Validation.MinLength",
                EmailAddressAttribute => "Validation.Email",
                _ => null,
            };
        }
    }
}
