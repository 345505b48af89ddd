using System.Security.Claims;
using Shian.Registry.Contracts;
using Shian.Risk.Domain;
using Shian.Risk.Rules;

namespace Shian.Risk;

/// <summary>The risk part of a business's profile: the current grade explained factor by factor, and its history.</summary>
internal sealed class BusinessRiskSection(RiskGrading risk) : IBusinessProfileSection
{
    public sealed record Model(RiskGrade? Current, IReadOnlyList<RiskFactor> Factors, IReadOnlyList<RiskGrade> History);

    public int Order => 30;

    public string PartialView => "/Risk/Pages/Shared/_BusinessRisk.cshtml";

    public async Task<object?> LoadAsync(Guid businessId, ClaimsPrincipal user, CancellationToken ct)
    {
        var (current, history) = await risk.OfBusinessAsync(businessId, ct);
        return new Model(current, current is null ? [] : RiskGrading.Factors(current), history);
    }
}
