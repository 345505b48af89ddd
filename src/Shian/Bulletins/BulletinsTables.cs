using Microsoft.EntityFrameworkCore;
using Shian.Bulletins.Domain;
using Shian.Data;

// In the module's root namespace: only the module's own files see its tables (ADR 0004).
namespace Shian.Bulletins;

internal static class BulletinsTables
{
    extension(ShianDb db)
    {
        public DbSet<Bulletin> Bulletins => db.Set<Bulletin>();
    }
}
