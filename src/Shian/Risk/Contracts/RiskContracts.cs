namespace Shian.Risk.Contracts;

/// <summary>Current risk grades for other modules (inspection planning filters and frequencies).</summary>
public interface IRiskGrades
{
    /// <summary>The current grade letter (A–D) of each business that has one.</summary>
    Task<IReadOnlyDictionary<Guid, string>> CurrentAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct);

    /// <summary>The current grade of each graded business with the yearly inspection frequency its scheme sets for that grade.</summary>
    Task<IReadOnlyDictionary<Guid, GradeFrequency>> FrequenciesAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct);
}

/// <summary>A grade (A–D) and the inspections per year the grading scheme asks for it (e.g. C: 2–3).</summary>
public sealed record GradeFrequency(string Grade, int InspectionsPerYearMin, int InspectionsPerYearMax);

/// <summary>The last inspection's result (符合 / 基本符合 / 不符合), as the Inspections module will report it.</summary>
public enum InspectionOutcome
{
    Conforming,
    BasicallyConforming,
    NonConforming,
}

/// <summary>What other modules know about a business's conduct (inspections, samples, complaints, cases, credit).</summary>
public sealed record RiskEvidence(bool InspectionDataAvailable, InspectionOutcome? LastInspection, DateOnly? LastFullInspection,
    int SamplingFailures, int SubstantiatedComplaints, int Cases, bool SeriouslyDishonest)
{
    public static RiskEvidence None { get; } = new(false, null, null, 0, 0, 0, false);

    /// <summary>Combines what two sources know (each fills its own fields): flags or-ed, counts added, the later last full inspection.</summary>
    public RiskEvidence Merge(RiskEvidence other) => new(
        InspectionDataAvailable || other.InspectionDataAvailable, LastInspection ?? other.LastInspection,
        LastFullInspection is DateOnly a && other.LastFullInspection is DateOnly b ? (a > b ? a : b) : LastFullInspection ?? other.LastFullInspection,
        SamplingFailures + other.SamplingFailures, SubstantiatedComplaints + other.SubstantiatedComplaints, Cases + other.Cases, SeriouslyDishonest || other.SeriouslyDishonest);
}

/// <summary>Evidence about businesses' conduct from the modules that hold it (inspections, sampling, complaints, cases, credit).</summary>
public interface IRiskEvidenceSource
{
    Task<IReadOnlyDictionary<Guid, RiskEvidence>> EvidenceAsync(IReadOnlyCollection<Guid> businessIds, CancellationToken ct);
}

/// <summary>Raised by a module after it recorded something that moves a business's dynamic risk (an inspection, a failed sample …).</summary>
public sealed record RiskEvidenceChanged(Guid BusinessId);
