using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shian.Kernel.Errors;

namespace Shian.Web;

/// <summary>Shows a rule's refusal on a page: each field error under its field (camelCase → the page's PascalCase property), else the detail.</summary>
public static class PageErrors
{
    /// <summary>Each field error under its page property when <paramref name="isField"/> knows it, else in the summary.</summary>
    public static void Add(ModelStateDictionary modelState, ShianProblemException e, Func<string, bool> isField)
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
                var property = field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..];
                modelState.AddModelError(property.Length > 0 && isField(property) ? property : "", m);
            }
        }
    }

    /// <summary>
    /// Runs a page's command: a rule's refusal (400, 403, 409 with its Chinese message) is shown on the page, re-loaded
    /// with <paramref name="reload"/>; "not found" stays a 404. The one place pages turn a refusal into a message.
    /// </summary>
    public static Task<IActionResult> TryAsync(this PageModel page, Func<Task<IActionResult>> command, Func<Task> reload, bool underFields = true) =>
        page.TryAsync(command, async () =>
        {
            await reload();
            return page.Page();
        }, underFields);

    /// <summary>As above, when showing the refusal needs its own result (the record may be gone: 404).</summary>
    public static async Task<IActionResult> TryAsync(this PageModel page, Func<Task<IActionResult>> command, Func<Task<IActionResult>> onRefused, bool underFields = true)
    {
        // A value the binder refused (a forged choice, "abc" for a number) is shown, not replaced by a default and saved.
        if (!page.ModelState.IsValid)
        {
            return await onRefused();
        }

        try
        {
            return await command();
        }
        catch (ShianProblemException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            // A field the page has no input for (e.g. a rule's "measurements") goes to the summary, where it is seen.
            Add(page.ModelState, e, property => underFields && page.GetType().GetProperty(property) is not null);
            return await onRefused();
        }
    }
}
