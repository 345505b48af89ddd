using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Registry.Contracts;
using Shian.Traceability.Domain;
using Shian.Traceability.Rules;

namespace Shian.Traceability;

/// <summary>
/// EPCIS 2.0 capture (§8.2 capture interface, REST binding <c>POST /capture</c>): a document is validated as a whole,
/// checked against the capturing business's own GS1 prefixes, and then all its new events are stored in one
/// transaction — or nothing is. An event already held (same eventID, or no eventID and the same CBV 2.0 hash) is
/// counted as a duplicate and not stored again, so a client may safely resend a document.
/// </summary>
internal sealed class Capture(ShianDb db, IBusinessDirectory directory, MasterData masterData, TimeProvider clock, IOptions<TraceOptions> options)
{
    /// <param name="EventIds">Every event's ID in document order; <paramref name="Held"/> those already held (not stored again).</param>
    public sealed record Result(TraceCapture Job, IReadOnlyList<string> EventIds, IReadOnlyList<string> Held);

    /// <summary>
    /// Which business captures. A business user captures for itself (its USCC; one site, or the one named by
    /// <paramref name="businessId"/>). An officer names the business: by <paramref name="businessId"/>, or by the
    /// document's <c>sender</c> (EPCIS 2.0 document field) holding the business's USCC or one of its GLNs — resolved
    /// through the GS1 codes registered to businesses, so a sender outside the officer's districts is refused (403).
    /// </summary>
    public async Task<BusinessIdentity> CapturingBusinessAsync(Guid? businessId, string? sender, CancellationToken ct)
    {
        // The request's scope already says whether the caller acts as a food business (its USCC), as every read does.
        if (db.Request.Scope.Uscc is { } uscc)
        {
            var sites = await directory.WithUsccAsync(uscc, ct);
            return sites.Count switch
            {
                0 => throw ShianProblemException.Invalid("trace.business-not-registered", $"统一社会信用代码 {uscc} 尚未在主体库登记，请联系辖区市场监管所"),
                1 when businessId is null || sites[0].Id == businessId => sites[0],
                _ when businessId is { } id && sites.FirstOrDefault(s => s.Id == id) is { } site => site,
                _ => throw ShianProblemException.Invalid("trace.business-ambiguous", $"统一社会信用代码 {uscc} 登记了 {sites.Count} 个场所，请用 businessId 参数指明是哪一个"),
            };
        }

        if (businessId is { } bid)
        {
            return (await directory.IdentitiesAsync([bid], ct)).FirstOrDefault()
                ?? throw ShianProblemException.NotFound("trace.business-not-found", "经营主体不存在或不在您的辖区");
        }

        if (string.IsNullOrWhiteSpace(sender))
        {
            throw ShianProblemException.Invalid("trace.business-required", "请指明为哪个经营主体提交：businessId 参数，或文档的 sender 字段（统一社会信用代码或 GLN）");
        }

        var key = sender.Trim();
        var gln = EventFacts.Gln(EventFacts.Id(key)) ?? (key.Length == 13 && key.All(char.IsAsciiDigit) ? key : null);
        var head = gln is null ? null : gln[..6];
        var rows = (await db.Gs1Prefixes.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking()
                .Where(p => p.BusinessUscc == key || (head != null && p.Prefix.StartsWith(head)))
                .Select(p => new { p.BusinessId, p.BusinessUscc, p.RegionCode, p.Prefix }).ToListAsync(ct))
            .Where(p => p.BusinessUscc == key || (gln is not null && gln.StartsWith(p.Prefix, StringComparison.Ordinal)))
            .Select(p => new { p.BusinessId, p.RegionCode }).Distinct().ToList();
        if (rows.Count == 0)
        {
            throw ShianProblemException.Invalid("trace.sender-unknown", $"sender“{key}”不是已登记 GS1 代码的经营主体（统一社会信用代码或 GLN）", new Dictionary<string, string[]> { ["/sender"] = ["未登记"] });
        }

        if (rows.Count > 1)
        {
            throw ShianProblemException.Invalid("trace.business-ambiguous", $"sender“{key}”对应 {rows.Count} 个场所，请用 businessId 参数指明是哪一个");
        }

        var row = rows[0];
        if (!db.Request.Scope.AllowsCreateIn(row.RegionCode))
        {
            throw ShianProblemException.RegionForbidden("只能为本辖区的经营主体提交追溯数据");
        }

        return (await directory.IdentitiesAsync([row.BusinessId], ct)).FirstOrDefault()
            ?? throw ShianProblemException.NotFound("trace.business-not-found", "经营主体不存在或不在您的辖区");
    }

    /// <param name="proceed">
    /// <c>GS1-Capture-Error-Behaviour: proceed</c>: an event that fails the checks is left out and named in the job's
    /// errors while the document's other events are stored; by default (<c>rollback</c>) one bad event refuses the whole
    /// document. A fault of the document itself (no events, not EPCIS at all) refuses it either way.
    /// </param>
    public async Task<Result> CaptureJsonAsync(JsonDocument json, long bytes, BusinessIdentity business, CancellationToken ct, bool fromXml = false, bool proceed = false)
    {
        if (!db.Request.Scope.Allows(business.RegionCode, business.Uscc))
        {
            throw ShianProblemException.RegionForbidden("只能为本辖区（或本企业）的经营主体提交追溯数据");
        }

        var doc = JsonNode.Parse(json.RootElement.GetRawText())!.AsObject();
        var count = doc["epcisBody"]?["eventList"] is JsonArray all ? all.Count : 0;
        if (count > options.Value.MaxEventsPerDocument)
        {
            throw new ShianProblemException(StatusCodes.Status413PayloadTooLarge, "trace.too-many-events", "文档过大",
                $"一个文档最多 {options.Value.MaxEventsPerDocument} 个事件，本文档有 {count} 个；请分批提交");
        }

        var errors = EpcisValidation.Validate(json, doc, fromXml);
        var rejected = new List<EpcisError>();
        var positions = Enumerable.Range(0, count).ToList(); // position in the (shrinking) document → position as sent
        while (errors.Count > 0)
        {
            if (!proceed || errors.Any(e => e.EventIndex is null))
            {
                throw Invalid([.. rejected, .. errors.Select(e => CaptureErrors.AsSent(e, positions))]);
            }

            rejected.AddRange(errors.Select(e => CaptureErrors.AsSent(e, positions)));
            (doc, positions) = CaptureErrors.Without(doc, positions, errors.Select(e => e.EventIndex!.Value).ToHashSet());
            if (positions.Count == 0)
            {
                throw Invalid(rejected);
            }

            using var rest = JsonDocument.Parse(doc.ToJsonString());
            errors = EpcisValidation.Validate(rest, doc, fromXml);
        }

        var list = doc["epcisBody"]!["eventList"]!.AsArray();
        var trees = EpcisJson.ReadEvents(doc);
        var prefixes = await db.Gs1Prefixes.AsNoTracking().Where(p => p.BusinessId == business.Id).Select(p => p.Prefix).ToListAsync(ct);
        var ownership = OwnershipErrors(trees, prefixes);
        if (ownership.Count > 0)
        {
            var message = $"{business.Name} 只能报送本企业位置（GS1 厂商识别代码 {(prefixes.Count == 0 ? "尚未登记" : string.Join("、", prefixes))}）发生的事件";
            if (!proceed)
            {
                throw new ShianProblemException(StatusCodes.Status403Forbidden, "trace.not-own-location", "无权操作", message,
                    ownership.GroupBy(o => o.Field).ToDictionary(g => g.Key, g => g.Select(o => o.Message).ToArray()));
            }

            var foreign = ownership.Select(o => o.Index).ToHashSet();
            rejected.AddRange(ownership.Select(o => CaptureErrors.AsSent(new EpcisError(o.Index, o.Field, o.Message, "The location is not the capturing business's own."), positions)));
            if (foreign.Count == trees.Count)
            {
                throw new ShianProblemException(StatusCodes.Status403Forbidden, "trace.not-own-location", "无权操作", message,
                    rejected.GroupBy(o => o.Field).ToDictionary(g => g.Key, g => g.Select(o => o.Message).ToArray()));
            }

            trees = [.. trees.Where(t => !foreign.Contains(t.Index))];
        }

        // Master data in the header belongs to the document: a fault there refuses it whatever the error behaviour.
        var declared = await masterData.CheckAsync(doc["epcisHeader"]?["epcisMasterData"]?["vocabularyList"], "/epcisHeader/epcisMasterData/vocabularyList", business, ct);

        // The document's prefix declarations travel with each stored event, so that it reads alone and round-trips.
        var context = doc["@context"]?.DeepClone();
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new TraceCapture
        {
            RegionCode = business.RegionCode, BusinessId = business.Id, BusinessUscc = business.Uscc, SubmittedBy = db.Request.UserName,
            ReceivedAtUtc = now, FinishedAtUtc = now, Status = rejected.Count == 0 ? CaptureStatus.Succeeded : CaptureStatus.Failed,
            Format = fromXml ? "XML" : "JSON-LD", Bytes = bytes, Proceed = proceed, Rejected = rejected.Select(e => e.EventIndex).Distinct().Count(),
            ErrorsJson = rejected.Count == 0 ? null : JsonSerializer.Serialize(rejected.Select(e => e.Message)),
        };
        var pending = new List<(TraceEvent Event, IReadOnlyList<KeyFact> Keys)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var hash = EventHash.Of(tree);
            var eventId = string.IsNullOrWhiteSpace(tree.EventId) ? hash : tree.EventId.Trim();
            if (!seen.Add(eventId))
            {
                job.Duplicates++;
                continue;
            }

            var facts = EventFacts.From(tree);
            var raw = list[tree.Index]!.AsObject().DeepClone().AsObject();
            raw["eventID"] = eventId;
            raw["recordTime"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            if (context is not null)
            {
                raw["@context"] = MergeContext(context, raw["@context"]);
            }

            pending.Add((new TraceEvent
            {
                EventId = eventId, EventHash = hash, Type = facts.Type, EventTimeUtc = facts.EventTimeUtc, EventTimeZoneOffset = facts.Offset,
                RecordTimeUtc = now, Action = facts.Action, BizStep = facts.BizStep, Disposition = facts.Disposition, ReadPoint = facts.ReadPoint,
                BizLocation = facts.BizLocation, ErrorDeclared = facts.ErrorDeclared, RegionCode = business.RegionCode, BusinessId = business.Id,
                BusinessUscc = business.Uscc, CaptureId = job.Id, Json = raw.ToJsonString(),
            }, facts.Keys));
        }

        // Two documents carrying the same new event may race past the held check: the unique eventID index refuses the
        // later write, which is then checked again (the event is held now, a duplicate) and written without it.
        var inDocument = job.Duplicates;
        var held = new HashSet<string>(StringComparer.Ordinal);
        List<(TraceEvent Event, IReadOnlyList<KeyFact> Keys)> fresh = [];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Already held (an event without eventID is held under its hash): checked across every region, as eventIDs are global.
                held.Clear();
                foreach (var chunk in pending.Select(p => p.Event.EventId).Chunk(500))
                {
                    held.UnionWith(await db.TraceEvents.IgnoreQueryFilters([Kernel.Scoping.RegionScope.FilterName]).AsNoTracking()
                        .Where(e => chunk.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(ct));
                }

                fresh = pending.Where(p => !held.Contains(p.Event.EventId)).ToList();
                job.Duplicates = inDocument + pending.Count - fresh.Count;
                job.Stored = fresh.Count;

                await using var tx = await db.Database.BeginTransactionAsync(ct);
                if (declared.Count > 0)
                {
                    await masterData.StageAsync(declared, business, job.Id, ct);
                    job.MasterData = declared.Count;
                }

                db.TraceCaptures.Add(job);
                IEnumerable<TraceEventKey> KeysOf() => fresh.SelectMany(f => f.Keys.Select(k => new TraceEventKey
                {
                    EventPk = f.Event.Id, Kind = k.Kind, Value = k.Value, Name = k.Name, Quantity = k.Quantity, Uom = k.Uom,
                    EventTimeUtc = f.Event.EventTimeUtc, RegionCode = f.Event.RegionCode, BusinessUscc = f.Event.BusinessUscc,
                }));
                if (db.Database.IsNpgsql() && fresh.Count > 0)
                {
                    // The job (audited) and master data by SaveChanges; the events and their keys — append-only, not audited — by
                    // binary COPY in the same transaction, without a statement per batch of rows (docs/benchmarks.md: +41 % events/s).
                    await db.SaveChangesAsync(ct);
                    var ids = await BulkCopy.NextIdsAsync<TraceEvent>(db, fresh.Count, ct);
                    for (var i = 0; i < fresh.Count; i++)
                    {
                        fresh[i].Event.Id = ids[i];
                    }

                    await BulkCopy.CopyAsync(db, fresh.Select(f => f.Event), withKey: true, ct);
                    await BulkCopy.CopyAsync(db, KeysOf(), withKey: false, ct);
                }
                else if (fresh.Count > 0)
                {
                    db.TraceEvents.AddRange(fresh.Select(f => f.Event));
                    await db.SaveChangesAsync(ct);
                    db.TraceEventKeys.AddRange(KeysOf());
                    await db.SaveChangesAsync(ct);
                }
                else
                {
                    await db.SaveChangesAsync(ct);
                }

                await tx.CommitAsync(ct);
                break;
            }
            catch (Exception ex) when (attempt < 3 && IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                foreach (var (e, _) in pending)
                {
                    e.Id = 0;
                }
            }
        }

        db.ChangeTracker.Clear();
        return new Result(job, [.. trees.Select(t => string.IsNullOrWhiteSpace(t.EventId) ? EventHash.Of(t) : t.EventId.Trim())],
            [.. pending.Where(p => held.Contains(p.Event.EventId)).Select(p => p.Event.EventId)]);
    }

    /// <summary>
    /// The "where" of every event — read point and business location given as GLNs — must be the business's own:
    /// within a GS1 company prefix or a GLN registered to it. Places written otherwise (geo: URIs, private URIs) are
    /// not GS1 locations and are accepted as the business's statement.
    /// </summary>
    internal static List<(int Index, string Field, string Message)> OwnershipErrors(IReadOnlyList<EpcisEventTree> trees, IReadOnlyList<string> prefixes)
    {
        var errors = new List<(int Index, string Field, string Message)>();
        foreach (var tree in trees)
        {
            foreach (var field in new[] { "readPoint", "bizLocation" })
            {
                if (tree.Root.Child(field)?.ChildValue("id") is not { } id || EventFacts.Gln(EventFacts.Id(id)) is not { } gln)
                {
                    continue;
                }

                if (!prefixes.Any(p => gln.StartsWith(p, StringComparison.Ordinal)))
                {
                    errors.Add((tree.Index, $"/epcisBody/eventList/{tree.Index}/{field}/id", $"第 {tree.Index + 1} 个事件的 {field}（GLN {gln}）不属于本企业登记的 GS1 厂商识别代码或位置码"));
                }
            }
        }

        return errors;
    }

    /// <summary>A unique index refused the write (PostgreSQL 23505, SQLite constraint 2067), whether EF wrapped it or COPY threw it.</summary>
    private static bool IsUniqueViolation(Exception ex) => ex switch
    {
        Npgsql.PostgresException { SqlState: "23505" } => true,
        Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 } => true,
        _ => ex.InnerException is { } inner && IsUniqueViolation(inner),
    };

    private static ShianProblemException Invalid(IReadOnlyList<EpcisError> errors) =>
        ShianProblemException.Invalid("trace.epcis-invalid",
            $"文档未通过 EPCIS 2.0 校验（{errors.Count} 处问题），未保存任何事件：{errors[0].Message}",
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    private static JsonNode MergeContext(JsonNode document, JsonNode? own)
    {
        var merged = new JsonArray();
        foreach (var c in document is JsonArray a ? a : new JsonArray(document.DeepClone()))
        {
            merged.Add(c?.DeepClone());
        }

        if (own is not null)
        {
            foreach (var c in own is JsonArray b ? b : new JsonArray(own.DeepClone()))
            {
                merged.Add(c?.DeepClone());
            }
        }

        return merged;
    }
}
