using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Registry.Contracts;

namespace Shian.Sampling;

/// <summary>The samples part of a business's profile: its latest samples with their verdicts.</summary>
internal sealed class BusinessSamplesSection(ShianDb db) : IBusinessProfileSection
{
    public int Order => 20;

    public string PartialView => "/Sampling/Pages/Shared/_BusinessSamples.cshtml";

    public async Task<object?> LoadAsync(Guid businessId, ClaimsPrincipal user, CancellationToken ct) =>
        await db.Samples.AsNoTracking().Where(s => s.BusinessId == businessId).OrderByDescending(s => s.SampledOn).Take(20).ToListAsync(ct);
}
