namespace Shian.Emergencies.Rules;

/// <summary>
/// 食品安全事故分级 (国家食品安全事故应急预案, 2011 revision, annex 分级标准; deadlines.md §5, P/U): Ⅰ 特别重大 … Ⅳ 一般.
/// The numeric value is the level: a smaller number is more serious.
/// </summary>
public enum IncidentGrade
{
    /// <summary>Ⅰ级 特别重大.</summary>
    Especially = 1,

    /// <summary>Ⅱ级 重大.</summary>
    Major = 2,

    /// <summary>Ⅲ级 较大.</summary>
    Larger = 3,

    /// <summary>Ⅳ级 一般.</summary>
    General = 4,
}

/// <summary>What an incident is graded on, as known at one moment (re-graded as the numbers change).</summary>
/// <param name="Harmed">People harmed (发病/中毒人数).</param>
/// <param name="Deaths">Deaths.</param>
/// <param name="Provinces">Provinces the contaminated food reached or cases occurred in.</param>
/// <param name="Cities">Prefecture-level cities within the province.</param>
/// <param name="Towns">Towns or streets within the county.</param>
/// <param name="SpecialPopulation">Schools, kindergartens, elderly homes … (local plans raise these one level, U).</param>
/// <param name="NewContaminantSpreading">A contaminant first found in China, spreading (Ⅱ级).</param>
public sealed record GradeFacts(int Harmed, int Deaths, int Provinces = 1, int Cities = 1, int Towns = 1, bool SpecialPopulation = false, bool NewContaminantSpreading = false);

/// <summary>
/// The thresholds, data because local plans change them (section <c>Emergencies:Grading</c>). Defaults: the provincial
/// text checked in deadlines.md §5 — Ⅱ: ≥2 provinces, a new contaminant spreading, ≥100 harmed with ≥1 death, or ≥10
/// deaths; Ⅲ: ≥2 cities, ≥100 harmed, or any death; Ⅳ: ≥2 towns of a county, or 30–99 harmed without death.
/// Ⅰ级 is only ever determined by the State Council (or its assessment), never computed.
/// </summary>
public sealed class GradeCriteria
{
    public int MajorHarmedWithDeath { get; set; } = 100;

    public int MajorDeaths { get; set; } = 10;

    public int MajorProvinces { get; set; } = 2;

    public int LargerHarmed { get; set; } = 100;

    public int LargerDeaths { get; set; } = 1;

    public int LargerCities { get; set; } = 2;

    public int GeneralHarmed { get; set; } = 30;

    public int GeneralTowns { get; set; } = 2;

    /// <summary>An incident among a special population (a school canteen) is raised one level (many local plans, U; never above Ⅱ).</summary>
    public bool RaiseSpecialPopulation { get; set; } = true;

    /// <summary>The configuration's mistakes, in Chinese (checked at start-up).</summary>
    public IEnumerable<string> Problems()
    {
        if (MajorHarmedWithDeath < 1 || MajorDeaths < 1 || MajorProvinces < 2 || LargerHarmed < 1 || LargerDeaths < 1 || LargerCities < 2 || GeneralHarmed < 1 || GeneralTowns < 2)
        {
            yield return "Emergencies:Grading 的人数应不小于 1，地区数应不小于 2";
        }

        if (GeneralHarmed > LargerHarmed || LargerDeaths > MajorDeaths)
        {
            yield return "Emergencies:Grading 的一般级人数不能大于较大级，较大级死亡人数不能大于重大级";
        }
    }
}

/// <summary>The grade the facts call for, and why.</summary>
public sealed record GradeResult(IncidentGrade? Grade, string Reason);

/// <summary>Pure grading: the most serious level any one criterion reaches, then the local raise for special populations.</summary>
public static class IncidentGrading
{
    public static GradeResult Grade(GradeFacts f, GradeCriteria c)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(c);
        var (grade, reason) = Base(f, c);
        // Raised at most to Ⅱ级: Ⅰ级 is determined, never computed.
        if (c.RaiseSpecialPopulation && f.SpecialPopulation && grade is { } g && g > IncidentGrade.Major)
        {
            return new GradeResult(g - 1, reason + "；涉及学校等特殊人群，按地方预案提高一级");
        }

        return new GradeResult(grade, reason);
    }

    private static (IncidentGrade? Grade, string Reason) Base(GradeFacts f, GradeCriteria c)
    {
        if (f.Provinces >= c.MajorProvinces)
        {
            return (IncidentGrade.Major, $"涉及 {f.Provinces} 个省份");
        }

        if (f.NewContaminantSpreading)
        {
            return (IncidentGrade.Major, "我国首次出现的新污染物引起且有扩散趋势");
        }

        if (f.Harmed >= c.MajorHarmedWithDeath && f.Deaths >= 1)
        {
            return (IncidentGrade.Major, $"受害 {f.Harmed} 人且死亡 {f.Deaths} 人");
        }

        if (f.Deaths >= c.MajorDeaths)
        {
            return (IncidentGrade.Major, $"死亡 {f.Deaths} 人");
        }

        if (f.Cities >= c.LargerCities)
        {
            return (IncidentGrade.Larger, $"涉及省内 {f.Cities} 个设区的市");
        }

        if (f.Harmed >= c.LargerHarmed)
        {
            return (IncidentGrade.Larger, $"受害 {f.Harmed} 人");
        }

        if (f.Deaths >= c.LargerDeaths)
        {
            return (IncidentGrade.Larger, $"死亡 {f.Deaths} 人");
        }

        if (f.Towns >= c.GeneralTowns)
        {
            return (IncidentGrade.General, $"涉及县内 {f.Towns} 个乡镇（街道）");
        }

        if (f.Harmed >= c.GeneralHarmed)
        {
            return (IncidentGrade.General, $"受害 {f.Harmed} 人，无死亡");
        }

        return (null, $"受害 {f.Harmed} 人，未达到一般（Ⅳ级）事故标准");
    }

    /// <summary>Ⅰ级 特别重大 … Ⅳ级 一般; 未达分级标准 for none.</summary>
    public static string Label(IncidentGrade? g) => g switch
    {
        IncidentGrade.Especially => "Ⅰ级（特别重大）",
        IncidentGrade.Major => "Ⅱ级（重大）",
        IncidentGrade.Larger => "Ⅲ级（较大）",
        IncidentGrade.General => "Ⅳ级（一般）",
        _ => "未达分级标准",
    };

    /// <summary>Whether <paramref name="to"/> is more serious than <paramref name="from"/> (any grade is more serious than none).</summary>
    public static bool IsRaise(IncidentGrade? from, IncidentGrade? to) => to is { } t && (from is not { } f || t < f);
}
