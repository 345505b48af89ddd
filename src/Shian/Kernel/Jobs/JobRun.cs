using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shian.Kernel.Jobs;

/// <summary>One run of a scheduled job, for administrators (<c>/admin/jobs</c>): where, when, and how it ended.</summary>
public sealed class JobRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The job's key (e.g. <c>governance-daily</c>, <c>registry-import</c>).</summary>
    public required string Job { get; init; }

    /// <summary>The instance that ran it (Quartz scheduler instance id).</summary>
    public required string Instance { get; init; }

    public DateTime StartedAtUtc { get; init; }

    public DateTime? FinishedAtUtc { get; set; }

    public JobOutcome Outcome { get; set; }

    /// <summary>What the run did ("已发送提醒 12 条"), or why it failed.</summary>
    public string? Summary { get; set; }

    /// <summary>True when Quartz re-ran the job after the instance running it died (recovery).</summary>
    public bool Recovering { get; init; }
}

public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("kernel_job_runs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Job).HasMaxLength(100);
        b.Property(x => x.Instance).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.HasIndex(x => new { x.Job, x.StartedAtUtc });
    }
}
