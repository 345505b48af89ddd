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

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("kernel_api_keys");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Prefix).HasMaxLength(12);
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.Property(x => x.Scopes).HasMaxLength(500);
        b.HasIndex(x => x.UserId);
        b.HasOne<ShianUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
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
