using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Kernel.Calendar;
using Shian.UnitTests.Kernel.Calendar;

namespace Shian.UnitTests.Complaints;

/// <summary>The complaint clocks on the shipped 2026 calendar (国办发明电〔2025〕7号), literal dates across 中秋·国庆 and 春节.</summary>
public sealed class ComplaintClockTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendarTests.Shipped();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Acceptance_IsDue7WorkingDaysAfterReceipt_SkippingTheMidAutumnAndNationalDayHolidays_AndCountingTheMakeUpSaturday()
    {
        // Received Thu 24 Sep: 25–27 Sep off (中秋), 28–30 Sep, 1–7 Oct off, 8, 9, Sat 10 Oct (调休 work), Mon 12 Oct.
        Assert.Equal(D("2026-10-12"), ComplaintClock.AcceptBy(Cal, D("2026-09-24")));

        // Received on a holiday: the count still starts the next day (行政处罚法 第八十五条 convention).
        Assert.Equal(D("2026-10-12"), ComplaintClock.AcceptBy(Cal, D("2026-09-25")));
        Assert.Equal(D("2026-12-08"), ComplaintClock.AcceptBy(Cal, D("2026-11-27")));
    }

    [Fact]
    public void TheRespondentBusiness_AnswersInTheOfficesWorkingDays_NeverAfterMediationEnds()
    {
        // Asked Thu 24 Sep 2026, 5 working days: 25–27 Sep off (中秋), 28, 29, 30 Sep, 1–7 Oct off, 8, 9 Oct.
        Assert.Equal(D("2026-10-09"), ComplaintClock.RespondentReplyBy(Cal, D("2026-09-24"), 5, mediationEndsBy: null));
        Assert.Equal(D("2026-10-09"), ComplaintClock.RespondentReplyBy(Cal, D("2026-09-24"), 5, mediationEndsBy: D("2026-11-30")));
        // Mediation ends first: the answer is due by its end.
        Assert.Equal(D("2026-09-30"), ComplaintClock.RespondentReplyBy(Cal, D("2026-09-24"), 5, mediationEndsBy: D("2026-09-30")));
        // A period of 0 or less is one working day; an end already past does not pull the date before the asking.
        Assert.Equal(D("2026-09-28"), ComplaintClock.RespondentReplyBy(Cal, D("2026-09-24"), 0, mediationEndsBy: null));
        Assert.Equal(D("2026-10-09"), ComplaintClock.RespondentReplyBy(Cal, D("2026-09-24"), 5, mediationEndsBy: D("2026-09-20")));
    }

    [Fact]
    public void AReport_IsVerifiedIn15WorkingDays_Or30WithTheHeadsApproval()
    {
        Assert.Equal(D("2026-10-27"), ComplaintClock.VerifyBy(Cal, D("2026-09-30")));
        Assert.Equal(D("2026-11-17"), ComplaintClock.VerifyBy(Cal, D("2026-09-30"), extended: true));
    }

    [Fact]
    public void Mediation_Ends45WorkingDaysAfterAcceptance_AcrossTheSpringFestival_AndTestingTimeMovesTheEnd()
    {
        // Accepted Tue 10 Feb 2026: Sat 14 Feb is worked, 15–23 Feb off, Sat 28 Feb worked; 清明 and the rest on the way.
        Assert.Equal(D("2026-04-21"), ComplaintClock.MediationEndsBy(Cal, D("2026-02-10")));

        // 5 working days of 检测 not counted (第二十条第三款).
        Assert.Equal(D("2026-04-28"), ComplaintClock.MediationEndsBy(Cal, D("2026-02-10"), pausedWorkingDays: 5));
        Assert.Equal(D("2026-04-21"), ComplaintClock.MediationEndsBy(Cal, D("2026-02-10"), pausedWorkingDays: -3));
    }

    [Fact]
    public void TheOtherClocks_CountWorkingDaysFromTheirOwnEvent()
    {
        Assert.Equal(D("2026-12-04"), ComplaintClock.ReporterNoticeBy(Cal, D("2026-11-27")));
        Assert.Equal(D("2026-12-08"), ComplaintClock.JurisdictionAgreeBy(Cal, D("2026-11-27")));
        Assert.Equal(D("2026-12-08"), ComplaintClock.MediationNoticeBy(Cal, D("2026-11-27")));
        Assert.Equal(D("2026-12-04"), ComplaintClock.LocalReplyBy(Cal, D("2026-11-27"), 5));
        Assert.Null(ComplaintClock.LocalReplyBy(Cal, D("2026-11-27"), null));
        Assert.Null(ComplaintClock.LocalReplyBy(Cal, D("2026-11-27"), 0));
    }

    [Fact]
    public void AComplaint_MoreThanThreeYearsAfterTheComplainantKnew_IsTooLate()
    {
        Assert.False(ComplaintClock.TooLate(D("2023-11-27"), D("2026-11-27")));
        Assert.True(ComplaintClock.TooLate(D("2023-11-26"), D("2026-11-27")));
    }
}

public sealed class TrackingCodeTests
{
    [Fact]
    public void ANewCode_HasTenRandomCharactersAndACheckSymbol_AndReadsBackWhateverTheCaseAndHyphens()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => TrackingCodes.New()).ToList();
        Assert.Equal(200, codes.Distinct().Count());
        foreach (var code in codes)
        {
            Assert.Equal(11, code.Length);
            Assert.True(TrackingCodes.TryNormalize(code, out var same));
            Assert.Equal(code, same);
            Assert.True(TrackingCodes.TryNormalize(" " + TrackingCodes.Display(code).ToLowerInvariant() + " ", out same));
            Assert.Equal(code, same);
        }
    }

    [Fact]
    public void TheCheckSymbol_IsCrockfordsMod37_AndCatchesATypo()
    {
        // 0000000000 → 0 mod 37 → "0"; 0000000001 → 1 → "1"; 000000000Z (31) → "Z"; 0000000010 (32) → "*".
        Assert.Equal("00000000000", TrackingCodes.WithCheck("0000000000"));
        Assert.Equal("00000000011", TrackingCodes.WithCheck("0000000001"));
        Assert.Equal("000000000ZZ", TrackingCodes.WithCheck("000000000Z"));
        Assert.Equal("0000000010*", TrackingCodes.WithCheck("0000000010"));

        var code = TrackingCodes.WithCheck("7K2M9QXH4J");
        Assert.True(TrackingCodes.TryNormalize(code, out _));
        Assert.False(TrackingCodes.TryNormalize("8K2M9QXH4J" + code[^1], out _)); // one character wrong
        Assert.False(TrackingCodes.TryNormalize("K72M9QXH4J" + code[^1], out _)); // two swapped
        Assert.False(TrackingCodes.TryNormalize("7K2M9", out _));
        Assert.False(TrackingCodes.TryNormalize("", out _));
        Assert.False(TrackingCodes.TryNormalize(null, out _));
    }

    [Fact]
    public void Letters_PeopleConfuse_ReadAsTheDigits()
    {
        var code = TrackingCodes.WithCheck("1000000001");
        Assert.True(TrackingCodes.TryNormalize("IO00000OOL" + code[^1], out var read));
        Assert.Equal(code, read);
    }

    [Fact]
    public void AFollowUpKey_IsKeptAsItsHashOnly_AndMatchesAsTyped()
    {
        var key = TrackingCodes.NewKey();
        var hash = TrackingCodes.HashKey(key);
        Assert.DoesNotContain(key, hash, StringComparison.OrdinalIgnoreCase);
        Assert.True(TrackingCodes.KeyMatches(key.ToLowerInvariant(), hash));
        Assert.True(TrackingCodes.KeyMatches(key[..6] + "-" + key[6..], hash));
        Assert.False(TrackingCodes.KeyMatches(TrackingCodes.NewKey(), hash));
        Assert.False(TrackingCodes.KeyMatches(key, null));
    }
}

public sealed class ContactsTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("024-42851234", "02442851234")]
    [InlineData("0414 2851234", "04142851234")]
    [InlineData("12812345678", null)]
    [InlineData("1381234567", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    public void APhone_IsAMobileOrALandlineWithAreaCode(string input, string? expected) => Assert.Equal(expected, Contacts.NormalizePhone(input));

    [Fact]
    public void Masks_ShowNeitherTheNameNorTheNumber()
    {
        Assert.Equal("138****5678", Contacts.MaskPhone("13812345678"));
        Assert.Equal("0244****1234", Contacts.MaskPhone("02442851234"));
        Assert.Equal("张*", Contacts.MaskName("张三"));
        Assert.Equal("欧***", Contacts.MaskName("欧阳娜娜"));
        Assert.Equal("*", Contacts.MaskName("李"));
    }

    [Fact]
    public void TheLastFourDigits_OpenTracking()
    {
        Assert.True(Contacts.TailMatches("13812345678", "5678"));
        Assert.True(Contacts.TailMatches("13812345678", " 5678 "));
        Assert.False(Contacts.TailMatches("13812345678", "678"));
        Assert.False(Contacts.TailMatches("13812345678", "1234"));
        Assert.False(Contacts.TailMatches("13812345678", null));
    }
}

public sealed class DuplicatesTests
{
    private static readonly Guid Shop = Guid.NewGuid();

    private static Duplicates.Candidate C(Guid? business, string? name, ComplaintCategory cat, string on, ComplaintStatus status = ComplaintStatus.Received) =>
        new(Guid.NewGuid(), business, name, cat, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), status);

    [Fact]
    public void SameBusinessAndCategoryWithinThirtyDays_IsOffered_NearestFirst()
    {
        var self = C(Shop, "河东超市", ComplaintCategory.ExpiredOrSpoiled, "2026-11-20");
        var near = C(Shop, "河东超市", ComplaintCategory.ExpiredOrSpoiled, "2026-11-18");
        var far = C(Shop, "河东超市", ComplaintCategory.ExpiredOrSpoiled, "2026-10-21");
        var tooFar = C(Shop, "河东超市", ComplaintCategory.ExpiredOrSpoiled, "2026-10-20");
        var otherCategory = C(Shop, "河东超市", ComplaintCategory.Hygiene, "2026-11-19");
        var otherShop = C(Guid.NewGuid(), "河东超市", ComplaintCategory.ExpiredOrSpoiled, "2026-11-19");
        var merged = C(Shop, "河东超市", ComplaintCategory.ExpiredOrSpoiled, "2026-11-19", ComplaintStatus.Merged);
        Assert.Equal([near.Id, far.Id], Duplicates.Of(self, [far, tooFar, otherCategory, otherShop, merged, near, self]).Select(c => c.Id));
    }

    [Fact]
    public void WithoutARegisterEntry_TheNameDecides_IgnoringSpacesAndBrackets()
    {
        var self = C(null, "老王（河东）烧烤", ComplaintCategory.Hygiene, "2026-11-20");
        Assert.Single(Duplicates.Of(self, [C(null, "老王(河东) 烧烤", ComplaintCategory.Hygiene, "2026-11-25")]));
        Assert.Empty(Duplicates.Of(self, [C(null, "老李烧烤", ComplaintCategory.Hygiene, "2026-11-25")]));
        Assert.Empty(Duplicates.Of(C(null, null, ComplaintCategory.Hygiene, "2026-11-20"), [C(null, null, ComplaintCategory.Hygiene, "2026-11-21")]));
    }
}

public sealed class RefusalAndServicesTests
{
    [Fact]
    public void EveryRefusal_NamesItsPointOfArticle15()
    {
        Assert.Equal(6, RefusalReasons.All.Count);
        Assert.All(RefusalReasons.All, r => Assert.StartsWith("第十五条第（", r.Article, StringComparison.Ordinal));
        Assert.Contains("超过三年", RefusalReasons.Describe(RefusalReasons.Find("too-late")!), StringComparison.Ordinal);
        Assert.Null(RefusalReasons.Find("made-up"));
    }

    [Fact]
    public void EveryCategory_IsOneOpen311Service_WithAStringCode()
    {
        Assert.Equal(Enum.GetValues<ComplaintCategory>().Order(), Open311Services.All.Select(s => s.Category).Order());
        Assert.Equal(Open311Services.All.Count, Open311Services.All.Select(s => s.Code).Distinct().Count());
        Assert.All(Open311Services.All, s => Assert.Matches("^[a-z_]+$", s.Code));
        Assert.Equal("open", Open311Services.Status(ComplaintStatus.InProgress));
        Assert.Equal("closed", Open311Services.Status(ComplaintStatus.Merged));
        Assert.Equal([1, 2, 3, 4], Open311Services.Attributes.Select(a => a.Order));
    }
}
