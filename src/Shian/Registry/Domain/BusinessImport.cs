namespace Shian.Registry.Domain;

public enum ImportStatus
{
    Queued,
    Validating,
    Writing,
    Completed,
    Failed,
}

/// <summary>
/// A bulk register import (.xlsx), run in the background: every row validated first, then all rows written in one
/// transaction, or none. Owned by the user who started it (it carries that user's scope for the run).
/// </summary>
public sealed class BusinessImport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    public ImportStatus Status { get; set; }

    public int Total { get; set; }

    public int Processed { get; set; }

    public int Imported { get; set; }

    public int ErrorCount { get; set; }

    /// <summary>The first errors as JSON: [{"row":12,"column":"许可证编号","message":"…"}].</summary>
    public string? ErrorsJson { get; set; }

    public string? Message { get; set; }

    public required string CreatedBy { get; init; }

    public string? CreatedById { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? FinishedAtUtc { get; set; }

    public bool ScopeUnrestricted { get; init; }

    /// <summary>The starting user's region prefixes, comma-separated.</summary>
    public required string ScopePrefixes { get; init; }
}
