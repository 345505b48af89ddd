using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Traceability.Domain;

namespace Shian.Traceability.Data;

internal sealed class TraceEventConfiguration : IEntityTypeConfiguration<TraceEvent>
{
    public void Configure(EntityTypeBuilder<TraceEvent> b)
    {
        b.ToTable("trace_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.EventId).HasMaxLength(300);
        b.Property(x => x.EventHash).HasMaxLength(100);
        b.Property(x => x.Type).HasMaxLength(24);
        b.Property(x => x.EventTimeZoneOffset).HasMaxLength(6);
        b.Property(x => x.Action).HasMaxLength(10);
        b.Property(x => x.BizStep).HasMaxLength(300);
        b.Property(x => x.Disposition).HasMaxLength(300);
        b.Property(x => x.ReadPoint).HasMaxLength(300);
        b.Property(x => x.BizLocation).HasMaxLength(300);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.HasIndex(x => x.EventId).IsUnique();
        b.HasIndex(x => x.EventHash);
        b.HasIndex(x => new { x.RegionCode, x.EventTimeUtc });
        b.HasIndex(x => new { x.BusinessId, x.EventTimeUtc });
        b.HasIndex(x => x.CaptureId);
        b.HasIndex(x => x.BizLocation);
    }
}

internal sealed class TraceEventKeyConfiguration : IEntityTypeConfiguration<TraceEventKey>
{
    public void Configure(EntityTypeBuilder<TraceEventKey> b)
    {
        b.ToTable("trace_event_keys");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Value).HasMaxLength(400);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Quantity).HasPrecision(18, 6);
        b.Property(x => x.Uom).HasMaxLength(10);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.HasIndex(x => new { x.Value, x.Kind });
        b.HasIndex(x => x.EventPk);
    }
}

internal sealed class TraceCaptureConfiguration : IEntityTypeConfiguration<TraceCapture>
{
    public void Configure(EntityTypeBuilder<TraceCapture> b)
    {
        b.ToTable("trace_captures");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.Status).HasMaxLength(12);
        b.Property(x => x.Format).HasMaxLength(10);
        b.Property(x => x.Proceed).HasDefaultValue(false);
        b.HasIndex(x => new { x.BusinessId, x.ReceivedAtUtc });
    }
}

internal sealed class Gs1PrefixConfiguration : IEntityTypeConfiguration<Gs1Prefix>
{
    public void Configure(EntityTypeBuilder<Gs1Prefix> b)
    {
        b.ToTable("trace_gs1_prefixes");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.Prefix).HasMaxLength(13);
        b.Property(x => x.AddedBy).HasMaxLength(256);
        b.HasIndex(x => x.Prefix).IsUnique();
        b.HasIndex(x => x.BusinessId);
    }
}

internal sealed class TraceMasterDataConfiguration : IEntityTypeConfiguration<TraceMasterData>
{
    public void Configure(EntityTypeBuilder<TraceMasterData> b)
    {
        b.ToTable("trace_master_data");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.Property(x => x.VocabularyType).HasMaxLength(300);
        b.Property(x => x.Kind).HasMaxLength(10);
        b.Property(x => x.ElementId).HasMaxLength(400);
        b.Property(x => x.Gs1Key).HasMaxLength(14);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.BusinessId, x.VocabularyType, x.ElementId }).IsUnique();
        b.HasIndex(x => new { x.Gs1Key, x.Kind });
        b.HasIndex(x => x.ElementId);
    }
}

internal sealed class RecallConfiguration : IEntityTypeConfiguration<Recall>
{
    public void Configure(EntityTypeBuilder<Recall> b)
    {
        b.ToTable("recalls");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.Property(x => x.BusinessName).HasMaxLength(200);
        b.Property(x => x.Trigger).HasMaxLength(10);
        b.Property(x => x.Status).HasMaxLength(12);
        b.Property(x => x.Level).HasMaxLength(8);
        b.Property(x => x.SampleCode).HasMaxLength(30);
        b.Property(x => x.ProductName).HasMaxLength(200);
        b.Property(x => x.Gtin).HasMaxLength(14).IsFixedLength();
        b.Property(x => x.Lot).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.Notice).HasMaxLength(4000);
        b.Property(x => x.ExtensionReason).HasMaxLength(500);
        b.Property(x => x.QuantityToRecall).HasPrecision(18, 3);
        b.Property(x => x.Unit).HasMaxLength(10);
        b.Property(x => x.Recovered).HasPrecision(18, 3);
        b.Property(x => x.Destroyed).HasPrecision(18, 3);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.ClosedBy).HasMaxLength(256);
        b.Property(x => x.DismissReason).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.SampleId).IsUnique(); // one recall per failed sample (the event is delivered at least once)
        b.HasIndex(x => new { x.RegionCode, x.Status });
        b.HasIndex(x => new { x.Gtin, x.Lot });
        b.HasIndex(x => x.PublishedOn);
    }
}

internal sealed class RecallTaskConfiguration : IEntityTypeConfiguration<RecallTask>
{
    public void Configure(EntityTypeBuilder<RecallTask> b)
    {
        b.ToTable("recall_tasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.RecallNumber).HasMaxLength(20);
        b.Property(x => x.ProductName).HasMaxLength(200);
        b.Property(x => x.Lot).HasMaxLength(100);
        b.Property(x => x.Level).HasMaxLength(8);
        b.Property(x => x.RecallingBusiness).HasMaxLength(200);
        b.Property(x => x.Parties).HasMaxLength(8000);
        b.Property(x => x.Quantity).HasPrecision(18, 3);
        b.Property(x => x.Unit).HasMaxLength(10);
        b.Property(x => x.Status).HasMaxLength(6);
        b.Property(x => x.Recovered).HasPrecision(18, 3);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.DoneBy).HasMaxLength(256);
        b.HasIndex(x => new { x.RecallId, x.RegionCode }).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Status });
    }
}

internal sealed class RecallProgressConfiguration : IEntityTypeConfiguration<RecallProgress>
{
    public void Configure(EntityTypeBuilder<RecallProgress> b)
    {
        b.ToTable("recall_progress");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.Property(x => x.Recovered).HasPrecision(18, 3);
        b.Property(x => x.Destroyed).HasPrecision(18, 3);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => x.RecallId);
    }
}
