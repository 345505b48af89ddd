namespace Shian.Kernel.Law;

/// <summary>
/// Who goes into the field: an inspection, a sampling visit or any other enforcement act is carried out by at least two
/// officers (《行政处罚法》第四十二条「执法人员不得少于两人」; for inspections 《食品生产经营监督检查管理办法》第二十三条).
/// One rule for the draw, the visit planner, the inspection record and the sample record.
/// </summary>
public static class FieldStaff
{
    public const int Minimum = 2;

    public static bool IsEnough(int people) => people >= Minimum;

    /// <summary>The refusal for an inspection (or a plan or draw of inspections) with too few officers.</summary>
    public const string InspectorsMessage = "检查人员不少于 2 名（《食品生产经营监督检查管理办法》第二十三条）";

    /// <summary>The refusal for a sample taken by too few samplers.</summary>
    public const string SamplersMessage = "抽样人员不少于 2 名（《行政处罚法》第四十二条：执法人员不得少于两人）";
}
