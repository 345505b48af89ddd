using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shian.Kernel.Users;

internal sealed class RegionGrantConfiguration : IEntityTypeConfiguration<RegionGrant>
{
    public void Configure(EntityTypeBuilder<RegionGrant> b)
    {
        b.ToTable("kernel_user_region_grants");
        b.HasKey(x => new { x.UserId, x.RegionCode });
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.HasOne<ShianUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShianUserConfiguration : IEntityTypeConfiguration<ShianUser>
{
    public void Configure(EntityTypeBuilder<ShianUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.Property(x => x.BusinessUscc).HasMaxLength(18);
        b.Property(x => x.EnforcementCertificate).HasMaxLength(AccountRules.MaxCertificate);
    }
}

internal sealed class RefreshFamilyConfiguration : IEntityTypeConfiguration<RefreshFamily>
{
    public void Configure(EntityTypeBuilder<RefreshFamily> b)
    {
        b.ToTable("kernel_refresh_families");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(36);
        b.Property(x => x.CurrentTokenId).HasMaxLength(36);
        b.HasIndex(x => x.UserId);
        b.HasOne<ShianUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
