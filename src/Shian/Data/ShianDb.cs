using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Shian.Kernel.Attachments;
using Shian.Kernel.Audit;
using Shian.Kernel.Inbox;
using Shian.Kernel.Calendar;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Kernel.Units;
using Shian.Kernel.Users;

namespace Shian.Data;

/// <summary>
/// The one database context. Each module configures its own tables (prefixed with the module name)
/// from its own folder; one provider-specific subclass per database keeps a migration set each
/// (see docs/adr/0001-one-project-one-context.md). Regulated entities (<see cref="IRegionScoped"/>) get the named
/// query filter <see cref="RegionScope.FilterName"/>; changes of <see cref="IAudited"/> entities are written to
/// the audit chains in the same transaction.
/// </summary>
public abstract class ShianDb(DbContextOptions options, IRequestContext request, TimeProvider clock, AuditKeys auditKeys) : IdentityDbContext<ShianUser, IdentityRole, string>(options)
{
    /// <summary>The acting user and scope of this unit of work.</summary>
    public IRequestContext Request => request;

    /// <summary>Events this context wrote that are not yet dispatched (see Kernel/Events/OutboxInterceptor).</summary>
    internal HashSet<Guid> OutboxWritten { get; } = [];

    /// <summary>Security events (sign-ins, denials, exports, reads of personal data) to chain with the next save (<see cref="SecurityAudit"/>).</summary>
    internal List<SecurityEvent> PendingSecurityEvents { get; } = [];

    /// <summary>
    /// Who filed a row that <see cref="GroupCommit"/> saves on a user's behalf: its audit entry names that user and
    /// request instead of the writer's own context.
    /// </summary>
    internal Dictionary<object, (string UserName, string? RequestId)> AuditAttribution { get; } = new(ReferenceEqualityComparer.Instance);

    // Read by the query filters at query time (EF parameterizes context members per instance).
    private bool ScopeUnrestricted => request.Scope.Unrestricted;

    private List<string> ScopePrefixes => [.. request.Scope.Prefixes];

    // The same prefixes as LIKE patterns for PostgreSQL's LIKE ANY (region-code prefixes are digits: nothing to escape).
    private string[] ScopePatterns => [.. request.Scope.Prefixes.Select(p => p + "%")];

    /// <summary>
    /// Whether the region filter tests the granted prefixes with <c>region_code LIKE ANY (@patterns)</c> (PostgreSQL) instead
    /// of the portable "any prefix is a prefix" form, which PostgreSQL runs as a sub-plan per row (measured on 200 000
    /// complaints: 397 ms against 131 ms for the same grouped count).
    /// </summary>
    protected virtual bool MatchPrefixesWithLikeAny => false;

    private string? ScopeUscc => request.Scope.Uscc;

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<UnitAlias> UnitAliases => Set<UnitAlias>();

    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();

    public DbSet<UnitGroupMember> UnitGroupMembers => Set<UnitGroupMember>();

    public DbSet<RegionGrant> RegionGrants => Set<RegionGrant>();

    public DbSet<RefreshFamily> RefreshFamilies => Set<RefreshFamily>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Kernel.Messaging.PhoneChallenge> PhoneChallenges => Set<Kernel.Messaging.PhoneChallenge>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Identity's tables belong to the kernel like every other kernel table.
        modelBuilder.Entity<ShianUser>().ToTable("kernel_users");
        modelBuilder.Entity<IdentityRole>().ToTable("kernel_roles");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("kernel_user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("kernel_user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("kernel_user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("kernel_user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("kernel_role_claims");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShianDb).Assembly, t => t.Namespace?.StartsWith("Shian.", StringComparison.Ordinal) == true);

        foreach (var type in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(IRegionScoped).IsAssignableFrom).ToList())
        {
            modelBuilder.Entity(type).HasQueryFilter(RegionScope.FilterName, RegionFilter(type));
        }
    }

    /// <summary>
    /// The mapped property holding a business-owned record's USCC: <c>BusinessUscc</c>, or <c>Uscc</c> on the business itself
    /// (EF cannot translate an explicit interface implementation).
    /// </summary>
    private static string BusinessUsccProperty(Type type) =>
        type.GetProperty(nameof(IBusinessOwned.BusinessUscc)) is not null ? nameof(IBusinessOwned.BusinessUscc)
        : type.GetProperty("Uscc") is not null ? "Uscc"
        : throw new InvalidOperationException($"{type.Name} is IBusinessOwned but has no mapped BusinessUscc or Uscc property.");

    /// <summary>
    /// e => unrestricted || any granted prefix is a prefix of e.RegionCode [|| e.BusinessUscc == the caller's USCC].
    /// </summary>
    private LambdaExpression RegionFilter(Type type)
    {
        var e = Expression.Parameter(type, "e");
        var self = Expression.Constant(this, typeof(ShianDb));
        var regionCode = Expression.Property(Expression.Convert(e, typeof(IRegionScoped)), nameof(IRegionScoped.RegionCode));
        var p = Expression.Parameter(typeof(string), "p");
        var startsWith = Expression.Call(regionCode, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, p);
        // patterns.Any(q => EF.Functions.Like(regionCode, q)) is what Npgsql translates to LIKE ANY.
        var q = Expression.Parameter(typeof(string), "q");
        var like = Expression.Call(typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!,
            Expression.Constant(EF.Functions), regionCode, q);
        Expression anyPrefix = MatchPrefixesWithLikeAny
            ? Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], Expression.Property(self, nameof(ScopePatterns)), Expression.Lambda<Func<string, bool>>(like, q))
            : Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)],
                Expression.Property(self, nameof(ScopePrefixes)), Expression.Lambda<Func<string, bool>>(startsWith, p));
        Expression body = Expression.OrElse(Expression.Property(self, nameof(ScopeUnrestricted)), anyPrefix);
        if (typeof(IBusinessOwned).IsAssignableFrom(type))
        {
            var uscc = Expression.Property(self, nameof(ScopeUscc));
            var owned = Expression.AndAlso(
                Expression.NotEqual(uscc, Expression.Constant(null, typeof(string))),
                Expression.Equal(Expression.Property(e, BusinessUsccProperty(type)), uscc));
            body = Expression.OrElse(body, owned);
        }

        return Expression.Lambda(body, e);
    }

    /// <summary>
    /// Plans every following query of this context for its own parameters. Call before grouped counts over many rows
    /// (statistics, dashboards). PostgreSQL otherwise switches a statement prepared automatically (Npgsql's auto-prepare,
    /// DatabaseSetup.WithPostgresDefaults) to a generic plan after five runs, and the generic plan cannot see through the
    /// region filter's parameters: it guessed 2 rows for the city's 153 000 complaints and chose a narrow index scan
    /// without parallel workers — the statistics took 3× as long from the sixth request on (issue #16). Lookups by key,
    /// the intake's statements, keep their generic plans (planning each would cost PostgreSQL ~0.5 ms per filing).
    /// No-op on SQLite, which plans each statement anyway.
    /// </summary>
    public virtual Task PlanForEachQueryAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Serializes writers of one audit chain inside the current transaction (where writes are not serialized anyway)
    /// and reads the chain's last entry (null for an empty chain) after the lock is held.
    /// </summary>
    protected virtual async Task<(long Sequence, string Hash)?> LockAuditChainHeadAsync(string chain, CancellationToken ct)
    {
        var last = await AuditEntries.AsNoTracking().Where(a => a.Chain == chain)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? null : (last.Sequence, last.Hash);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.Entries().Any(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audited changes must be saved with SaveChangesAsync.");
        }

        GuardAuditLog();
        Kernel.Errors.InvisibleCharacters.EnsureNone(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once: every ChangeTracker.Entries() below (the guard, the character check, the audit
        // writer, the outbox interceptor) and EF's own save would otherwise scan every tracked entity again. Nothing
        // in between modifies a tracked entity; what it adds (audit entries, outbox rows) is tracked as added.
        ChangeTracker.DetectChanges();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        GuardAuditLog();
        Kernel.Errors.InvisibleCharacters.EnsureNone(ChangeTracker);
        if (PendingSecurityEvents.Count == 0 && !ChangeTracker.Entries().Any(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        // In its own transaction a failed save rolls everything back, so EF's savepoint around the save (two more round
        // trips while the chain's lock is held) protects nothing; a caller's transaction keeps it.
        var savepoints = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = savepoints && own is null;
        try
        {
            await AuditWriter.AppendAsync(this, request, auditKeys, clock.GetUtcNow().UtcDateTime, LockAuditChainHeadAsync, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            PendingSecurityEvents.Clear();

            return written;
        }
        catch
        {
            // Nothing of the change or its audit entries is kept; the caller may retry the whole unit of work.
            foreach (var added in ChangeTracker.Entries<AuditEntry>().Where(a => a.State == EntityState.Added).ToList())
            {
                added.State = EntityState.Detached;
            }

            if (own is not null)
            {
                await own.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    // The audit log is append-only: the application never updates or deletes an entry.
    private void GuardAuditLog()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(a => a.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Statuses and kinds are enums stored as readable strings (STYLE.md §3.10).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
