using Microsoft.AspNetCore.Mvc.ModelBinding;
using Shian.Kernel.Errors;

namespace Shian.Web;

/// <summary>Shows a rule's refusal on a page: each field error under its field (camelCase → the page's PascalCase property), else the detail.</summary>
public static class PageErrors
{
    public static void Add(ModelStateDictionary modelState, ShianProblemException e, bool underFields = true)
    {
        if (e.Errors is not { Count: > 0 } errors)
        {
            modelState.AddModelError("", e.Message);
            return;
        }

        foreach (var (field, messages) in errors)
        {
            foreach (var m in messages)
            {
                modelState.AddModelError(!underFields || field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..], m);
            }
        }
    }
}
