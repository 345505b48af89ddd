using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shian.Kernel.Units;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("kernel_units");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(80);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ShortName).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => x.RegionCode);
    }
}

internal sealed class UnitAliasConfiguration : IEntityTypeConfiguration<UnitAlias>
{
    public void Configure(EntityTypeBuilder<UnitAlias> b)
    {
        b.ToTable("kernel_unit_aliases");
        b.HasKey(x => x.Id);
        b.Property(x => x.UnitKey).HasMaxLength(80);
        b.Property(x => x.Alias).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.UnitKey, x.Alias }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitGroupConfiguration : IEntityTypeConfiguration<UnitGroup>
{
    public void Configure(EntityTypeBuilder<UnitGroup> b)
    {
        b.ToTable("kernel_unit_groups");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(80);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.Phrase).HasMaxLength(200);
        b.Property(x => x.Source).HasMaxLength(500);
    }
}

internal sealed class UnitGroupMemberConfiguration : IEntityTypeConfiguration<UnitGroupMember>
{
    public void Configure(EntityTypeBuilder<UnitGroupMember> b)
    {
        b.ToTable("kernel_unit_group_members");
        b.HasKey(x => new { x.GroupKey, x.UnitKey });
        b.Property(x => x.GroupKey).HasMaxLength(80);
        b.Property(x => x.UnitKey).HasMaxLength(80);
        b.HasOne<UnitGroup>().WithMany().HasForeignKey(x => x.GroupKey).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitKey).OnDelete(DeleteBehavior.Cascade);
    }
}
