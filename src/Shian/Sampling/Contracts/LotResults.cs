namespace Shian.Sampling.Contracts;

/// <summary>A published 监督抽检 result of one lot (GTIN + batch), as the public may read it.</summary>
public sealed record PublishedLotResult(string SampleCode, DateOnly SampledOn, string ProductName, string? LabelledProducer, string SampledBusiness,
    bool Conforming, string? Failures, Guid AnnouncementId, string AnnouncementNumber, DateOnly PublishedOn);

/// <summary>The sampling results of a lot that have been published (抽检信息公告): what the consumer's 追溯码 page shows.</summary>
public interface ILotResults
{
    /// <param name="gtin">GTIN-14.</param>
    Task<IReadOnlyList<PublishedLotResult>> PublishedAsync(string gtin, string batch, CancellationToken ct);
}

/// <summary>
/// Raised with the commit of a 监督抽检 不合格 conclusion (a durable outbox event): the lot may have to be recalled
/// (食品安全法 第六十三条) — traceability opens a proposed recall for an officer to grade or dismiss.
/// </summary>
public sealed record SupervisionSampleFailed(Guid SampleId, string SampleCode, Guid BusinessId, string BusinessName, string RegionCode, string ProductName,
    string? Gtin, string? Batch, DateOnly? ProductionDate, string? LabelledProducer, DateOnly ConcludedOn, string Failures);

/// <summary>A sample as another module may name it (an incident's linked sample): code, product, business, state in words.</summary>
public sealed record SampleSummary(Guid Id, string Code, string ProductName, string BusinessName, DateOnly SampledOn, string State);

/// <summary>Finds a sample by its 抽样单编号 among the caller's regions (null when it is not there).</summary>
public interface ISampleLookup
{
    Task<SampleSummary?> FindByCodeAsync(string code, CancellationToken ct);
}
