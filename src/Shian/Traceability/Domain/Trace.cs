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

    /// <summary>Sent with <c>GS1-Capture-Error-Behaviour: proceed</c>: failed events left out, the rest stored.</summary>
    public bool Proceed { get; set; }

    /// <summary>Events left out because they failed the checks (only with <see cref="Proceed"/>).</summary>
    public int Rejected { get; set; }

    /// <summary>Master-data elements the document's header declared.</summary>
    public int MasterData { get; set; }

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

/// <summary>What a master-data element describes (EPCIS 2.0 §7.2 vocabularies; CBV 2.0 §10 master-data attributes).</summary>
public enum MasterDataKind
{
    /// <summary>A place: business location or read point (vtype BusinessLocation, ReadPoint, Location).</summary>
    Location,

    /// <summary>A product class: GTIN, lot class or a private product code (vtype EPCClass).</summary>
    Product,

    /// <summary>A party (vtype Party).</summary>
    Party,

    /// <summary>Any other vocabulary (business transactions, user vocabularies).</summary>
    Other,
}

/// <summary>
/// A master-data element a business declared — from a captured document's header (<c>epcisHeader.epcisMasterData</c>)
/// or by the master-data API: the names and addresses behind the identifiers its events use. One row per business,
/// vocabulary and element; a later declaration replaces the attributes. A GS1-keyed element (GLN, GTIN, PGLN) may only
/// be declared by the business its GS1 code is registered to, so its name is the owner's word.
/// </summary>
public sealed class TraceMasterData : IRegionScoped, IBusinessOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RegionCode { get; set; }

    public Guid BusinessId { get; set; }

    public string? BusinessUscc { get; set; }

    /// <summary>The vocabulary type as declared (urn:epcglobal:epcis:vtype:BusinessLocation …).</summary>
    public required string VocabularyType { get; set; }

    public MasterDataKind Kind { get; set; }

    /// <summary>The element's identifier: the canonical Digital Link of a GS1 key, else as declared.</summary>
    public required string ElementId { get; set; }

    /// <summary>The 13-digit GLN of a location or party, the 14-digit GTIN of a product; null for private identifiers.</summary>
    public string? Gs1Key { get; set; }

    public string? Name { get; set; }

    public string? Address { get; set; }

    /// <summary>Every attribute as declared (<c>[{"id": …, "attribute": …}]</c>), kept losslessly.</summary>
    public required string AttributesJson { get; set; }

    /// <summary>The element's children (sub-locations), as JSON, when declared.</summary>
    public string? ChildrenJson { get; set; }

    /// <summary>The capture job whose header declared it last; null when declared through the API.</summary>
    public Guid? CaptureId { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string AuditKey => Id.ToString();

    public string? AuditRegionCode => RegionCode;
}
