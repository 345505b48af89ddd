using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Shian.Web;

/// <summary>
/// Gives the framework's validation attributes that carry no message of their own (the implicit [Required] of a
/// non-nullable field, a bare [Range] or [StringLength]) a resource key, so that the data-annotations localizer shows
/// Chinese ("请填写“完成比例”") instead of "The Percent field is required." (usability finding 13), on the server and
/// in the data-val-* attributes alike.
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

        // A non-nullable value type (int Percent) is required implicitly: give that requirement the same Chinese message.
        if (context.Key.ModelType.IsValueType && Nullable.GetUnderlyingType(context.Key.ModelType) is null
            && !context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>().Any() && context.Key.MetadataKind == ModelMetadataKind.Property)
        {
            context.ValidationMetadata.ValidatorMetadata.Add(new RequiredAttribute { ErrorMessage = "Validation.Required" });
        }
    }
}
