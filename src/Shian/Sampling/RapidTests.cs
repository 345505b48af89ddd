using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Registry.Contracts;
using Shian.Sampling.Domain;
using Shian.Sampling.Rules;

namespace Shian.Sampling;

/// <summary>快检 at market test rooms (seeds 002, 003): kept apart from lab samples, never a legal verdict; a positive proposes a lab sample.</summary>
public sealed class RapidTests(ShianDb db, IBusinessDirectory directory, TimeProvider clock)
{
    public sealed record RapidRequest(string? RegionCode, Guid? BusinessId, string? Place, string? ProductName, string? Item, RapidResult Result, string? Reading, DateTime? TestedAtUtc);

    public async Task<RapidTest> RecordAsync(RapidRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        string? region = r.RegionCode;
        if (r.BusinessId is Guid bid)
        {
            var business = (await directory.FindAsync([bid], ct)).SingleOrDefault() ?? throw ShianProblemException.NotFound("registry.business-not-found", "经营者不存在");
            region = business.RegionCode;
        }

        if (region is null || !RegionCode.IsValid(region) || !await db.Regions.AnyAsync(x => x.Code == region, ct))
        {
            errors["regionCode"] = ["请选择快检地点所在区划"];
        }

        if (string.IsNullOrWhiteSpace(r.Place))
        {
            errors["place"] = ["请填写快检地点（如 某农贸市场快检室）"];
        }

        if (string.IsNullOrWhiteSpace(r.ProductName))
        {
            errors["productName"] = ["请填写样品名称"];
        }

        if (string.IsNullOrWhiteSpace(r.Item))
        {
            errors["item"] = ["请填写快检项目（如 有机磷和氨基甲酸酯类农药残留）"];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tested = r.TestedAtUtc ?? now;
        if (tested > now.AddMinutes(5) || tested < now.AddDays(-7))
        {
            errors["testedAtUtc"] = ["快检时间应在近 7 天内"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("sampling.rapid-invalid", "快检记录有误，未保存", errors);
        }

        if (!db.Request.Scope.AllowsCreateIn(region!))
        {
            throw ShianProblemException.RegionForbidden("只能记录本辖区的快检。");
        }

        var test = new RapidTest
        {
            RegionCode = region!, BusinessId = r.BusinessId, Place = r.Place!.Trim(), ProductName = r.ProductName!.Trim(), Item = r.Item!.Trim(), Result = r.Result,
            Reading = r.Reading?.Trim(), TestedAtUtc = tested, ObjectionUntilUtc = SamplingClock.RapidObjectionUntil(tested), Tester = db.Request.UserName,
        };
        db.RapidTests.Add(test);
        await db.SaveChangesAsync(ct);
        return test;
    }
}
