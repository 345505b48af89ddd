namespace Shian.Traceability;

/// <summary>Settings of the traceability repository (section <c>Traceability</c>).</summary>
public sealed class TraceOptions
{
    public const string Section = "Traceability";

    /// <summary>Largest capture request body in bytes (larger: 413). The bulk path for very large documents is separate.</summary>
    public long MaxCaptureBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most events in one capture document (larger: 413, send in parts).</summary>
    public int MaxEventsPerDocument { get; set; } = 10_000;

    /// <summary>Events per page of a query result (EPCIS perPage default) and the most a client may ask for.</summary>
    public int DefaultPerPage { get; set; } = 100;

    public int MaxPerPage { get; set; } = 1_000;
}
