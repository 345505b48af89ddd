using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Calendar;
using Shian.Kernel.Users;
using Shian.Sampling;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling.Pages;

/// <summary>标准库: pick a food category and a date — the limits that apply (the most specific row in force; inherited ones say from where).</summary>
[Requires(KernelPermissions.Reference)]
public sealed class StandardsModel(Standards standards, ShianDb db, TimeProvider clock) : PageModel
{
    public Standards.Library Library { get; private set; } = null!;

    public string? Category { get; private set; }

    public DateOnly On { get; private set; }

    public IReadOnlyList<(Limit Limit, ResolvedLimit Resolved)> Applies { get; private set; } = [];

    public IReadOnlyList<Limit> All { get; private set; } = [];

    public async Task OnGetAsync(string? category, DateOnly? on, CancellationToken ct)
    {
        Library = await standards.LibraryAsync(ct);
        On = on ?? ChinaTime.Today(clock);
        Category = category is not null && Library.Categories.ContainsKey(category) ? category : null;
        var limits = await db.Limits.AsNoTracking().ToListAsync(ct);
        if (Category is null)
        {
            All = [.. limits.OrderBy(l => l.CategoryCode, StringComparer.Ordinal).ThenBy(l => l.AnalyteCode, StringComparer.Ordinal)];
            return;
        }

        var byId = limits.ToDictionary(l => l.Id);
        Applies = [.. Library.Analytes.Keys.Select(a => Library.Book.Resolve(Category, a, On)).OfType<ResolvedLimit>().Select(r => (byId[r.Rule.Id], r))
            .OrderBy(x => Library.Analytes[x.Item1.AnalyteCode].Group).ThenBy(x => x.Item1.AnalyteCode, StringComparer.Ordinal)];
    }
}
