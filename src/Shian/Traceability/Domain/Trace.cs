using Shian.Kernel.Audit;
using Shian.Kernel.Scoping;

namespace Shian.Traceability.Domain;

/// <summary>
/// One captured EPCIS 2.0 event (any of the five types), kept losslessly as its JSON-LD (user extensions, sensor data,
/// certification info and all) beside the columns queries and traces filter on. Its region is the capturing
/// business's; its <see cref="EventId"/> is the one it was captured with, or its CBV 2.0 event hash.
/// </summary>
public sealed class TraceEvent : IRegionScoped, IBusinessOwned
{
    public long Id { get; set; }

    /// <summary>eventID as captured, or the CBV 2.0 hash ID when it had none; unique (a repeated capture is a no-op).</summary>
    public required string EventId { get; set; }

    /// <summary>CBV 2.0 §8.9 event hash, always computed (finds the same event captured under another eventID).</summary>
    public required string EventHash { get; set; }

    public required string Type { get; set; }

    public DateTime EventTimeUtc { get; set; }

    public required string EventTimeZoneOffset { get; set; }

    /// <summary>When this repository recorded the event (EPCIS recordTime).</summary>
    public DateTime RecordTimeUtc { get; set; }

    public string? Action { get; set; }

    /// <summary>Full web URI (https://ref.gs1.org/cbv/BizStep-shipping) or a user vocabulary URI.</summary>
    public string? BizStep { get; set; }

    public string? Disposition { get; set; }

    /// <summary>Canonical Digital Link of the read point (GLN + extension) or the URI as captured.</summary>
    public string? ReadPoint { get; set; }

    public string? BizLocation { get; set; }

    public bool ErrorDeclared { get; set; }

    public required string RegionCode { get; set; }

    public Guid BusinessId { get; set; }

    public string? BusinessUscc { get; set; }

    public Guid CaptureId { get; set; }

    /// <summary>The event as captured (JSON-LD), with the document's prefix declarations folded into its own @context.</summary>
    public required string Json { get; set; }
}

/// <summary>How an identifier or value takes part in an event: what the EPCIS queries and the trace match on.</summary>
public enum TraceKeyKind
{
    /// <summary>epcList (ObjectEvent, TransactionEvent).</summary>
    Epc,

    /// <summary>parentID (aggregation, transaction, association).</summary>
    Parent,

    /// <summary>childEPCs.</summary>
    Child,

    /// <summary>inputEPCList (transformation).</summary>
    Input,

    /// <summary>outputEPCList (transformation).</summary>
    Output,

    /// <summary>quantityList epcClass.</summary>
    Class,

    /// <summary>childQuantityList epcClass.</summary>
    ChildClass,

    /// <summary>inputQuantityList epcClass.</summary>
    InputClass,

    /// <summary>outputQuantityList epcClass.</summary>
    OutputClass,

    /// <summary>An ILMD field (name = expanded field name), e.g. the lot number of what the event commissions.</summary>
    Ilmd,

    /// <summary>A business transaction (name = its type).</summary>
    BizTransaction,

    /// <summary>A source (name = its type: owning_party, possessing_party, location).</summary>
    Source,

    /// <summary>A destination (name = its type).</summary>
    Destination,

    /// <summary>The lot (GTIN + lot, as a Digital Link class) that instance EPCs of a commissioning event belong to.</summary>
    Lot,
}

/// <summary>An identifier or value of an event, one row per occurrence, indexed by value for queries and traces.</summary>
public sealed class TraceEventKey : IRegionScoped, IBusinessOwned
{
    public long Id { get; set; }

    public long EventPk { get; set; }

    public TraceKeyKind Kind { get; set; }

    /// <summary>Canonical Digital Link for GS1 keys, else the value as captured.</summary>
    public required string Value { get; set; }

    public string? Name { get; set; }

    public decimal? Quantity { get; set; }

    public string? Uom { get; set; }

    public DateTime EventTimeUtc { get; set; }

    public required string RegionCode { get; set; }

    public string? BusinessUscc { get; set; }
}

public enum CaptureStatus
{
    Succeeded,
    Failed,
}

/// <summary>
/// A capture job (EPCIS 2.0 REST <c>/capture/{captureID}</c>): who sent which document for which business, and what came of it.
/// </summary>
public sealed class TraceCapture : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    public Guid BusinessId { get; set; }

    public string? BusinessUscc { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public DateTime FinishedAtUtc { get; set; }

    public CaptureStatus Status { get; set; }

    /// <summary>JSON-LD or XML.</summary>
    public required string Format { get; set; }

    public long Bytes { get; set; }

    /// <summary>Events stored by this capture.</summary>
    public int Stored { get; set; }

    /// <summary>Events already held (same eventID or hash): not stored again.</summary>
    public int Duplicates { get; set; }

    /// <summary>The errors of a failed capture, as JSON.</summary>
    public string? ErrorsJson { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}

/// <summary>
/// A GS1 company prefix (6–12 digits) or a single GLN (13 digits) registered to a business: the locations and parties it
/// may capture events for, and how trace results name the business behind a GLN.
/// </summary>
public sealed class Gs1Prefix : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    public Guid BusinessId { get; set; }

    public string? BusinessUscc { get; set; }

    public required string BusinessName { get; set; }

    public required string Prefix { get; set; }

    public required string AddedBy { get; set; }

    public DateTime AddedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}
