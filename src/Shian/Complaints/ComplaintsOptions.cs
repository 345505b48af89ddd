namespace Shian.Complaints;

/// <summary>Local settings of the complaints module (section <c>Complaints</c>).</summary>
public sealed class ComplaintsOptions
{
    public const string Section = "Complaints";

    /// <summary>A local reply clock shown beside the statutory ones (seed 001: "5个工作日办理回复"); 0 or absent: none.</summary>
    public int? LocalReplyWorkingDays { get; set; }

    /// <summary>At most this many filings per phone number in 24 hours (spam floods).</summary>
    public int PerPhonePerDay { get; set; } = 5;

    /// <summary>At most this many anonymous filings per client address per hour (the form and the whistleblower channel).</summary>
    public int PerClientPerHour { get; set; } = 20;

    /// <summary>
    /// Working days the respondent business has to answer a complaint passed to it in mediation. The regulation sets no
    /// period for the business (投诉举报处理暂行办法 第十六条至第二十一条 leave it to the department): this is the office's own
    /// rule, shown as such, and never later than the mediation's end.
    /// </summary>
    public int RespondentReplyWorkingDays { get; set; } = 5;

    /// <summary>At most this many photos per filing.</summary>
    public int MaxPhotos { get; set; } = 6;
}
