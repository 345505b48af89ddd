using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shian.Data;
using Shian.IntegrationTests.Infrastructure;
using Shian.Kernel.Events;
using Shian.Kernel.Scoping;
using Probe = Shian.IntegrationTests.Infrastructure.ShianFactory.OutboxProbe;

namespace Shian.IntegrationTests.Kernel;

/// <summary>Durable domain events (ADR 0005): stored with the change, delivered after the commit, at least once per handler.</summary>
public abstract class OutboxTests(ShianFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ProbeHandlerName => DomainEventHandlers.Name(typeof(ShianFactory.ProbeHandler));

    /// <summary>Raises a probe and commits it the normal way (dispatched right after the commit).</summary>
    private async Task<Guid> RaiseAsync(string text)
    {
        var id = Guid.NewGuid();
        await using var scope = factory.Scope();
        scope.ServiceProvider.GetRequiredService<DomainEvents>().Raise(new Probe(id, text));
        await scope.ServiceProvider.GetRequiredService<ShianDb>().SaveChangesAsync(Ct);
        return id;
    }

    /// <summary>
    /// Commits probes as a process that died between the commit and the dispatch leaves them: stored, never dispatched
    /// (the transaction commits with the context's list of written events emptied, so nothing runs after the commit).
    /// </summary>
    internal static async Task<List<Guid>> CommitWithoutDispatchAsync(ShianFactory app, int count, string? lockedBy = null, DateTime? lockedUntilUtc = null)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var events = scope.ServiceProvider.GetRequiredService<DomainEvents>();
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        foreach (var id in ids)
        {
            events.Raise(new Probe(id, "crash"));
        }

        if (lockedBy is not null)
        {
            foreach (var d in db.ChangeTracker.Entries<OutboxDelivery>().Select(e => e.Entity))
            {
                d.LockedBy = lockedBy;
                d.LockedUntilUtc = lockedUntilUtc;
            }
        }

        await db.SaveChangesAsync(Ct);
        db.OutboxWritten.Clear(); // the crash
        await tx.CommitAsync(Ct);
        return ids;
    }

    private async Task<OutboxDelivery> DeliveryAsync(Guid probeId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var text = probeId.ToString();
        var ev = await db.Set<OutboxEvent>().AsNoTracking().SingleAsync(e => e.Payload.Contains(text), Ct);
        return await db.Set<OutboxDelivery>().AsNoTracking().SingleAsync(d => d.EventId == ev.Id && d.Handler == ProbeHandlerName, Ct);
    }


    [Fact]
    public async Task ARaisedEvent_IsStoredWithTheChange_AndHandledRightAfterTheCommit()
    {
        var id = await RaiseAsync("normal");

        Assert.Equal(1, factory.Probes.Handled.GetValueOrDefault(id));
        var delivery = await DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Done, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Null(delivery.LockedBy);
    }

    [Fact]
    public async Task AnEventOfARolledBackTransaction_IsNeitherStoredNorHandled()
    {
        var id = Guid.NewGuid();
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            scope.ServiceProvider.GetRequiredService<DomainEvents>().Raise(new Probe(id, "rolled back"));
            await db.SaveChangesAsync(Ct);
            await tx.RollbackAsync(Ct);
        }

        await using var check = factory.Scope();
        var text = id.ToString();
        Assert.False(await check.ServiceProvider.GetRequiredService<ShianDb>().Set<OutboxEvent>().AnyAsync(e => e.Payload.Contains(text), Ct));
        Assert.False(factory.Probes.Handled.ContainsKey(id));
    }

    [Fact]
    public async Task AnEventCommittedButNeverDispatched_IsDeliveredByTheBackgroundDispatcher()
    {
        var id = (await CommitWithoutDispatchAsync(factory, 1)).Single();
        // A background pass now finds nothing of it due: the event's head start has not run out.
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(Ct);
        Assert.False(factory.Probes.Handled.ContainsKey(id));

        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        await Eventually.TrueAsync(() => Task.FromResult(factory.Probes.Handled.ContainsKey(id)), "the background dispatcher");
        await Eventually.TrueAsync(async () => (await DeliveryAsync(id)).Status == DeliveryStatus.Done, "the delivery marked done");
        Assert.Equal(1, factory.Probes.Handled[id]);
    }

    [Fact]
    public async Task ADeliveryHeldByADeadInstance_IsTakenOverWhenItsLeaseRunsOut()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var id = (await CommitWithoutDispatchAsync(factory, 1, "dead-instance:1:claim", now.AddMinutes(5))).Single();

        factory.Clock.Advance(TimeSpan.FromMinutes(1)); // due, but still leased to the instance killed with -9
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(Ct);
        Assert.False(factory.Probes.Handled.ContainsKey(id));

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => Task.FromResult(factory.Probes.Handled.ContainsKey(id)), "the take-over");
        Assert.Equal(1, factory.Probes.Handled[id]);
    }

    [Fact]
    public async Task AHandlerThatFailsOnce_IsRetriedAfterItsBackoff_AndSucceeds()
    {
        var id = Guid.NewGuid();
        factory.Probes.FailuresLeft[id] = 1;
        await using (var scope = factory.Scope())
        {
            scope.ServiceProvider.GetRequiredService<DomainEvents>().Raise(new Probe(id, "flaky"));
            await scope.ServiceProvider.GetRequiredService<ShianDb>().SaveChangesAsync(Ct); // the request does not fail
        }

        var first = await DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Pending, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Contains("probe failure", first.LastError, StringComparison.Ordinal);
        Assert.False(factory.Probes.Handled.ContainsKey(id));

        factory.Clock.Advance(OutboxOptions.Backoff(1) + TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => (await DeliveryAsync(id)).Status == DeliveryStatus.Done, "the retry");
        Assert.Equal(2, (await DeliveryAsync(id)).Attempts);
        Assert.Equal(1, factory.Probes.Handled[id]);
    }

    [Fact]
    public async Task AHandlerThatKeepsFailing_IsMarkedFailedForAnAdministrator_WhoRetriesIt()
    {
        var id = Guid.NewGuid();
        factory.Probes.FailuresLeft[id] = int.MaxValue;
        await using (var scope = factory.Scope())
        {
            scope.ServiceProvider.GetRequiredService<DomainEvents>().Raise(new Probe(id, "broken"));
            await scope.ServiceProvider.GetRequiredService<ShianDb>().SaveChangesAsync(Ct);
        }

        // Three attempts in tests (Events:MaxAttempts): the first right after the commit, two after their backoff.
        for (var attempt = 1; attempt < 3; attempt++)
        {
            factory.Clock.Advance(OutboxOptions.Backoff(attempt) + TimeSpan.FromSeconds(1));
            var expected = attempt + 1;
            await Eventually.TrueAsync(async () => (await DeliveryAsync(id)).Attempts == expected, $"attempt {expected}");
        }

        var failed = await DeliveryAsync(id);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);

        var admin = await factory.ClientAsAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/events?status=Failed", Ct);
        var row = list.GetProperty("deliveries").EnumerateArray().Single(r => r.GetProperty("deliveryId").GetGuid() == failed.Id);
        Assert.Contains("probe failure", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(list.GetProperty("summary").GetProperty("failed").GetInt32() >= 1);
        var page = await admin.GetStringAsync("/admin/events", Ct);
        Assert.Contains("probe failure", page, StringComparison.Ordinal);

        var coordinator = await factory.ClientAsAsync("coordinator@210500");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/v1/admin/events", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync($"/api/v1/admin/events/deliveries/{failed.Id}/retry", null, Ct)).StatusCode);

        // The cause is mended; the administrator puts the delivery back and the background dispatcher delivers it.
        factory.Probes.FailuresLeft[id] = 0;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/events/deliveries/{failed.Id}/retry", null, Ct)).StatusCode);
        await Eventually.TrueAsync(async () => (await DeliveryAsync(id)).Status == DeliveryStatus.Done, "the retried delivery");
        Assert.Equal(1, factory.Probes.Handled[id]);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/admin/events/deliveries/{failed.Id}/retry", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task ACaseClue_IsRaisedWithTheInspectionThatFoundIt_AsADurableEvent()
    {
        // The inspection module's 不符合 → CaseClueRaised goes through the outbox: the stored event names the clue's source record.
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var before = await db.Set<OutboxEvent>().CountAsync(e => e.Type.StartsWith("Shian.Enforcement.Contracts.CaseClueRaised"), Ct);
        var recorded = factory.CaseClues.Raised.Count;
        var ev = new Shian.Enforcement.Contracts.CaseClueRaised(Shian.Enforcement.Contracts.CaseClueSource.Inspection, Guid.NewGuid(), Guid.NewGuid(), "探针", "210503000000",
            factory.Today, factory.Today.AddDays(21), "关键项不符合");
        scope.ServiceProvider.GetRequiredService<IActOnBehalf>().ActFor(RegionScope.System, "system");
        scope.ServiceProvider.GetRequiredService<DomainEvents>().Raise(ev);
        await db.SaveChangesAsync(Ct);

        Assert.Equal(before + 1, await db.Set<OutboxEvent>().CountAsync(e => e.Type.StartsWith("Shian.Enforcement.Contracts.CaseClueRaised"), Ct));
        Assert.Contains(factory.CaseClues.Raised.Skip(recorded), c => c.SourceId == ev.SourceId);
    }
}

public sealed class OutboxSqliteTests(SqliteShianFactory factory) : OutboxTests(factory), IClassFixture<SqliteShianFactory>;

public sealed class OutboxPostgresTests(PostgresShianFactory factory) : OutboxTests(factory), IClassFixture<PostgresShianFactory>;

/// <summary>Two app instances on one PostgreSQL database: every event is handled exactly once per handler.</summary>
public sealed class OutboxTwoInstancesTests(PostgresShianFactory first) : IClassFixture<PostgresShianFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstances_DeliverEveryEventOncePerHandler()
    {
        await using var second = new SecondPostgresInstance(first);
        await second.InitializeAsync();
        _ = second.Services; // start it: migrations are in place, its seeding finds everything there
        var shared = new System.Collections.Concurrent.ConcurrentDictionary<Guid, int>();
        first.Probes.SharedCount = shared;
        second.Probes.SharedCount = shared;

        var ids = await OutboxTests.CommitWithoutDispatchAsync(first, 300);
        first.Clock.Advance(TimeSpan.FromMinutes(1));
        second.Clock.SetUtcNow(first.Clock.GetUtcNow());

        // Both background dispatchers run; both instances also pass by hand, concurrently.
        var a = first.Services.GetRequiredService<OutboxDispatcher>();
        var b = second.Services.GetRequiredService<OutboxDispatcher>();
        Task DrainAsync(OutboxDispatcher d) => Eventually.TrueAsync(async () =>
        {
            await d.DispatchDueAsync(Ct);
            return ids.All(shared.ContainsKey);
        }, "every event handled");

        await Task.WhenAll(DrainAsync(a), DrainAsync(b));

        Assert.All(ids, id => Assert.Equal(1, shared.GetValueOrDefault(id)));
        await using var scope = first.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
        var handler = DomainEventHandlers.Name(typeof(ShianFactory.ProbeHandler));
        var texts = ids.Select(i => i.ToString()).ToList();
        var eventIds = await db.Set<OutboxEvent>().Where(e => e.Payload.Contains("crash")).Select(e => new { e.Id, e.Payload }).ToListAsync(Ct);
        var mine = eventIds.Where(e => texts.Any(t => e.Payload.Contains(t, StringComparison.Ordinal))).Select(e => e.Id).ToList();
        Assert.Equal(300, mine.Count);
        Assert.Equal(300, await db.Set<OutboxDelivery>().CountAsync(d => mine.Contains(d.EventId) && d.Handler == handler && d.Status == DeliveryStatus.Done && d.Attempts == 1, Ct));
    }
}
