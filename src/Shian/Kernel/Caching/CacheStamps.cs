using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Data;

namespace Shian.Kernel.Caching;

/// <summary>
/// The version of a cache held in memory by every instance (the standards library, the working-day calendar): a
/// change writes a new stamp in the same transaction as the data, and each instance rebuilds its copy when the stamp it
/// holds is no longer the one in the database. One row per cache in <c>kernel_cache_stamps</c>.
/// </summary>
public sealed class CacheStamp
{
    public required string Name { get; init; }

    public Guid Stamp { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}

internal sealed class CacheStampConfiguration : IEntityTypeConfiguration<CacheStamp>
{
    public void Configure(EntityTypeBuilder<CacheStamp> b)
    {
        b.ToTable("kernel_cache_stamps");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(50);
    }
}

public static class CacheStamps
{
    public const string Standards = "standards";
    public const string Calendar = "calendar";

    /// <summary>Marks a cache as changed, in the caller's unit of work (saved with the change).</summary>
    public static async Task TouchAsync(ShianDb db, string name, DateTime nowUtc, CancellationToken ct)
    {
        var row = await db.Set<CacheStamp>().FindAsync([name], ct);
        if (row is null)
        {
            db.Set<CacheStamp>().Add(new CacheStamp { Name = name, Stamp = Guid.NewGuid(), ChangedAtUtc = nowUtc });
        }
        else
        {
            row.Stamp = Guid.NewGuid();
            row.ChangedAtUtc = nowUtc;
        }
    }

    /// <summary>The current stamp (null before the first change).</summary>
    public static Task<Guid?> ReadAsync(ShianDb db, string name, CancellationToken ct) =>
        db.Set<CacheStamp>().AsNoTracking().Where(s => s.Name == name).Select(s => (Guid?)s.Stamp).FirstOrDefaultAsync(ct);
}
