using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;

namespace Shian.Registry.Data;

internal sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> b)
    {
        b.ToTable("registry_businesses");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Uscc).HasMaxLength(18).IsFixedLength();
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.LegalRepresentative).HasMaxLength(100);
        b.Property(x => x.ResponsiblePerson).HasMaxLength(100);
        b.Property(x => x.ResponsiblePersonIdMasked).HasMaxLength(18);
        b.Property(x => x.ResponsiblePersonIdSealed).HasMaxLength(400);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.FloorArea).HasPrecision(12, 2);
        b.Property(x => x.Places).HasConversion<int>(); // flags: a number, unlike the other enums stored by name
        b.HasIndex(x => x.Uscc).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.Kind });
        b.HasIndex(x => x.Name);
    }
}

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> b)
    {
        b.ToTable("registry_licences");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18).IsFixedLength();
        b.Property(x => x.Number).HasMaxLength(50);
        b.Property(x => x.Issuer).HasMaxLength(200);
        b.Property(x => x.Scope).HasMaxLength(1000);
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Kind, x.Number }).IsUnique();
        b.HasIndex(x => x.Number);
        b.HasIndex(x => x.BusinessId);
        b.HasIndex(x => new { x.RegionCode, x.ValidTo });
    }
}

internal sealed class BusinessImportConfiguration : IEntityTypeConfiguration<BusinessImport>
{
    public void Configure(EntityTypeBuilder<BusinessImport> b)
    {
        b.ToTable("registry_imports");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.Property(x => x.ScopePrefixes).HasMaxLength(2000);
        b.HasIndex(x => new { x.CreatedBy, x.CreatedAtUtc });
    }
}

internal sealed class DutyConfiguration : IEntityTypeConfiguration<Duty>
{
    public void Configure(EntityTypeBuilder<Duty> b)
    {
        b.ToTable("registry_duties");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.BusinessUscc).HasMaxLength(18).IsFixedLength();
        b.Property(x => x.Value).HasMaxLength(200);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BusinessId, x.Kind });
        b.HasIndex(x => new { x.RegionCode, x.Kind });
    }
}

internal sealed class SentRenewalReminderConfiguration : IEntityTypeConfiguration<SentRenewalReminder>
{
    public void Configure(EntityTypeBuilder<SentRenewalReminder> b)
    {
        b.ToTable("registry_sent_reminders");
        b.HasKey(x => new { x.LicenceId, x.Kind });
        b.Property(x => x.Kind).HasMaxLength(20);
    }
}

internal sealed class BusinessNameGramConfiguration : IEntityTypeConfiguration<BusinessNameGram>
{
    public void Configure(EntityTypeBuilder<BusinessNameGram> b)
    {
        b.ToTable("registry_name_grams");
        // (gram, business) is the look-up; the second index finds a business's pieces when it is renamed.
        b.HasKey(x => new { x.Gram, x.BusinessId });
        b.Property(x => x.Gram).HasMaxLength(8);
        b.HasIndex(x => x.BusinessId);
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}
