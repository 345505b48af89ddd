namespace Shian.Credit;

/// <summary>
/// Local settings of the credit module (section <c>Credit</c>). The numbers the national rules leave to provinces or that
/// the domain notes mark unverified (U) live here, with their defaults and sources in docs/rules.md.
/// </summary>
public sealed class CreditOptions
{
    public const string Section = "Credit";

    /// <summary>较低数额罚款 for a natural person: below this (yuan). Provincial; default Hubei's 10 000 (Order 45 第十三条第二款).</summary>
    public decimal LowFinePerson { get; set; } = 10_000m;

    /// <summary>较低数额罚款 for an organisation: below this (yuan). Provincial; default Hubei's 100 000.</summary>
    public decimal LowFineOrganisation { get; set; } = 100_000m;

    /// <summary>Working days for the party's 陈述申辩 after the notice of an intended listing (U; as 《行政处罚法》第六十四条).</summary>
    public int ListingStatementWorkingDays { get; set; } = 5;

    /// <summary>Working days to decide a credit-repair application (U: ~20 for a listing, 15 for a publication).</summary>
    public int ListingRepairDecisionWorkingDays { get; set; } = 20;

    public int PublicationRepairDecisionWorkingDays { get; set; } = 15;

    /// <summary>The local credit grade scheme (守信与失信分级).</summary>
    public CreditScheme Scheme { get; set; } = new();
}

/// <summary>
/// A points scheme for the credit grade: 100 less the weights of 失信 records within their windows, plus the weights of 守信
/// records (capped at 100); on the serious-dishonesty list is always D. Grades A ≥ <see cref="A"/>, B ≥ <see cref="B"/>,
/// C below. No national food credit-grade formula exists (provinces publish their own): configurable, documented in docs/rules.md.
/// </summary>
public sealed class CreditScheme
{
    public int PenaltyPoints { get; set; } = 20;

    public int PenaltyMonths { get; set; } = 36;

    public int InspectionFailurePoints { get; set; } = 10;

    public int SamplingFailurePoints { get; set; } = 10;

    public int ComplaintPoints { get; set; } = 5;

    public int FailureMonths { get; set; } = 12;

    public int HonourPoints { get; set; } = 5;

    public int HonourMonths { get; set; } = 36;

    public int A { get; set; } = 90;

    public int B { get; set; } = 75;
}
