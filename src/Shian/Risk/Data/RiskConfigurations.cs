using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shian.Risk.Domain;

namespace Shian.Risk.Data;

internal sealed class RiskSchemeConfiguration : IEntityTypeConfiguration<RiskScheme>
{
    public void Configure(EntityTypeBuilder<RiskScheme> b)
    {
        b.ToTable("risk_schemes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Province).HasMaxLength(2).IsFixedLength();
        b.Property(x => x.Basis).HasMaxLength(1000);
        b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
    }
}

internal sealed class RiskGradeConfiguration : IEntityTypeConfiguration<RiskGrade>
{
    public void Configure(EntityTypeBuilder<RiskGrade> b)
    {
        b.ToTable("risk_grades");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegionCode).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.SchemeCode).HasMaxLength(40);
        b.Property(x => x.Grade).HasMaxLength(1);
        b.HasIndex(x => new { x.BusinessId, x.Current });
        b.HasIndex(x => new { x.RegionCode, x.Current, x.Grade });
    }
}
