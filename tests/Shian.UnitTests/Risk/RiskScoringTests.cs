using Shian.Registry.Contracts;
using Shian.Risk.Contracts;
using Shian.Risk.Rules;

namespace Shian.UnitTests.Risk;

public sealed class RiskScoringTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly RiskSchemeDefinition Scheme = new();

    private static BusinessFacts Facts(BusinessKind kind, decimal? area = 50, int? employees = 5, bool special = false) =>
        new(Guid.NewGuid(), "210503001000", "x", kind, BusinessStatus.Operating, area, employees, special);

    [Fact]
    public void ASmallShop_WithoutRecords_IsGradeA_AndSaysWhy()
    {
        var r = RiskScoring.Score(Scheme, Facts(BusinessKind.Seller), RiskEvidence.None, Today);
        Assert.Equal(11, r.Total); // 8 (食品销售) + 3 (small)
        Assert.Equal(RiskGradeLevel.A, r.Grade);
        Assert.Contains(r.Factors, f => f.Name == "主体类型：食品销售经营者" && f.Points == 8);
        Assert.Contains(r.Factors, f => f.Name == "暂无检查、抽检、投诉、处罚记录");
    }

    [Fact]
    public void ALargeSchoolCanteen_ReachesTheStaticCap()
    {
        var r = RiskScoring.Score(Scheme, Facts(BusinessKind.SchoolCanteen, 1200, 30, special: true), RiskEvidence.None, Today);
        Assert.Equal(40, r.Static); // 25 + 10 + 5
        Assert.Equal(RiskGradeLevel.B, r.Grade);
    }

    [Fact]
    public void DynamicFactors_AddUp_AndAreCapped()
    {
        var e = new RiskEvidence(true, InspectionOutcome.NonConforming, Today.AddYears(-3), SamplingFailures: 5, SubstantiatedComplaints: 1, Cases: 3, SeriouslyDishonest: false);
        var r = RiskScoring.Score(Scheme, Facts(BusinessKind.Caterer), e, Today);
        Assert.Equal(60, r.Dynamic); // 25 + 10 + 20 + 3 + 30 = 88 → capped at 60
        Assert.Equal(78, r.Total);
        Assert.Equal(RiskGradeLevel.D, r.Grade);
        Assert.Contains(r.Factors, f => f.Name == "两年内未进行全项目检查" && f.Basis.Contains("第二十二条", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSeriousDishonestyList_GivesTheHighestGrade_WhateverTheScore()
    {
        var e = RiskEvidence.None with { SeriouslyDishonest = true };
        Assert.Equal(RiskGradeLevel.D, RiskScoring.Score(Scheme, Facts(BusinessKind.Vendor), e, Today).Grade);
    }

    [Theory]
    [InlineData(30, RiskGradeLevel.A)]
    [InlineData(31, RiskGradeLevel.B)]
    [InlineData(45, RiskGradeLevel.B)]
    [InlineData(46, RiskGradeLevel.C)]
    [InlineData(60, RiskGradeLevel.C)]
    [InlineData(61, RiskGradeLevel.D)]
    public void Thresholds_AreInclusiveUpperBounds(int complaintsPoints, RiskGradeLevel expected)
    {
        // A vendor (5) + small (3) = 8 static; complaints add exactly the rest.
        var scheme = Scheme with { ComplaintPoints = 1, ComplaintCap = 60 };
        var e = RiskEvidence.None with { SubstantiatedComplaints = complaintsPoints - 8 };
        Assert.Equal(expected, RiskScoring.Score(scheme, Facts(BusinessKind.Vendor), e, Today).Grade);
    }

    [Fact]
    public void FrequencyPerGrade_FollowsTheScheme() =>
        Assert.Equal((3, 4), RiskScoring.Frequency(Scheme, RiskGradeLevel.D));

    [Fact]
    public void ASchemeWithWrongThresholdsOrAMissingKind_IsRefusedWithReasons()
    {
        var bad = Scheme with { MaxA = 50, MaxB = 40, KindPoints = new() { ["Seller"] = 5 } };
        var problems = bad.Problems();
        Assert.Contains("分级阈值应满足 0 < A < B < C < 满分", problems);
        Assert.Contains(problems, p => p.Contains("Caterer", StringComparison.Ordinal));
        Assert.Empty(Scheme.Problems());
    }

    [Fact]
    public void TheDefaultSimplifiedScheme_SetsNoGradeSteps_ThePenaltyIsOnlyPoints()
    {
        // A seller (8 + 3 static) with one penalty (15 points): 26 → A under the simplified scheme.
        var e = RiskEvidence.None with { InspectionDataAvailable = true, LastFullInspection = Today.AddMonths(-6), Cases = 1 };
        var r = RiskScoring.Score(Scheme, Facts(BusinessKind.Seller), e, Today);
        Assert.Equal(RiskGradeLevel.A, r.Grade);
        Assert.DoesNotContain(r.Factors, f => f.Group == "调整");
    }

    [Theory]
    // Review D-14: under the 2016 rules the same business is raised one level per configured event, two at most.
    [InlineData(1, 0, 0, RiskGradeLevel.B)]
    [InlineData(2, 0, 0, RiskGradeLevel.C)]
    [InlineData(2, 1, 1, RiskGradeLevel.C)] // 2 + 1 held to +2
    [InlineData(1, 1, 0, RiskGradeLevel.B)] // no failed sample: that step does not apply
    public void GradeSteps_RaiseTheGradeForTheEvents_HeldToTwoLevels(int penaltyStep, int samplingStep, int failures, RiskGradeLevel expected)
    {
        var scheme = Scheme with { GradeSteps = new() { ["Penalty"] = penaltyStep, ["SamplingFailure"] = samplingStep } };
        var e = RiskEvidence.None with { InspectionDataAvailable = true, LastFullInspection = Today.AddMonths(-6), Cases = 1, SamplingFailures = failures };
        var r = RiskScoring.Score(scheme with { SamplingFailurePoints = 0 }, Facts(BusinessKind.Seller), e, Today);
        Assert.Equal(expected, r.Grade);
        Assert.Contains(r.Factors, f => f.Name == $"等级上调 {penaltyStep} 级：近 12 个月受到行政处罚" && f.Basis.Contains("2016", StringComparison.Ordinal));
    }

    [Fact]
    public void GradeSteps_AreValidatedAsSchemeData()
    {
        Assert.Contains((Scheme with { GradeSteps = new() { ["Rumour"] = 1 } }).Problems(), p => p.Contains("Rumour", StringComparison.Ordinal));
        Assert.Contains("“Penalty”上调应为 0–2 级", (Scheme with { GradeSteps = new() { ["Penalty"] = 3 } }).Problems());
        Assert.Contains("“SamplingFailure”上调应为 0–2 级", (Scheme with { GradeSteps = new() { ["SamplingFailure"] = -1 } }).Problems());
        Assert.Contains((Scheme with { GradeSteps = new() { ["Certified"] = -1 } }).Problems(), p => p.Contains("Certified", StringComparison.Ordinal)); // the key is "Certification"
        Assert.Contains("“Certification”下调应为 0 或 -1 级", (Scheme with { GradeSteps = new() { ["Certification"] = 1 } }).Problems());
        Assert.Contains("“Certification”下调应为 0 或 -1 级", (Scheme with { GradeSteps = new() { ["Certification"] = -2 } }).Problems());
        Assert.Empty((Scheme with { GradeSteps = new() { ["Penalty"] = 2, ["SamplingFailure"] = 1, ["Certification"] = -1 } }).Problems());
    }

    [Theory]
    // Review D-14: the 2016 办法 lowers a certified business one grade — only while the certification is valid, never below A,
    // and after the raises (a penalty +1 and a certification −1 leave the grade as scored).
    [InlineData("2027-06-30", 0, RiskGradeLevel.B)]
    [InlineData("2026-11-23", 0, RiskGradeLevel.B)] // valid through today
    [InlineData("2026-11-22", 0, RiskGradeLevel.C)] // expired yesterday
    [InlineData("2027-06-30", 1, RiskGradeLevel.C)]
    public void AValidCertification_LowersTheGradeByOne(string certifiedUntil, int cases, RiskGradeLevel expected)
    {
        // A large caterer with a non-conforming inspection: 12 + 10 static, 25 + 10 dynamic = 57 → C.
        var scheme = Scheme with { GradeSteps = new() { ["Penalty"] = 1, ["Certification"] = -1 }, CasePoints = 0 };
        var facts = Facts(BusinessKind.Caterer, 1200, 60) with { CertifiedUntil = DateOnly.Parse(certifiedUntil, System.Globalization.CultureInfo.InvariantCulture) };
        var e = RiskEvidence.None with { InspectionDataAvailable = true, LastInspection = InspectionOutcome.NonConforming, LastFullInspection = Today.AddYears(-3), Cases = cases };
        var r = RiskScoring.Score(scheme, facts, e, Today);
        Assert.Equal(RiskGradeLevel.C, RiskScoring.Score(Scheme with { CasePoints = 0 }, Facts(BusinessKind.Caterer, 1200, 60), e, Today).Grade);
        Assert.Equal(expected, r.Grade);
        Assert.Equal(certifiedUntil != "2026-11-22", r.Factors.Any(f => f.Name.StartsWith("等级下调 1 级：通过体系认证", StringComparison.Ordinal)));

        var gradeA = RiskScoring.Score(scheme, Facts(BusinessKind.Seller) with { CertifiedUntil = new DateOnly(2027, 1, 1) }, RiskEvidence.None, Today);
        Assert.Equal(RiskGradeLevel.A, gradeA.Grade); // never below A
    }
}
