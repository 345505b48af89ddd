using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Governance.Domain;
using Shian.Governance.Parsing;
using Shian.Kernel.Attachments;
using Shian.Kernel.Errors;
using Shian.Kernel.Regions;
using Shian.Kernel.Units;

namespace Shian.Governance.Import;

/// <summary>
/// Import of a work plan: parse and preview without storing anything, then save the plan, its sections, tasks,
/// unit assignments, milestones, targets and source file in one transaction. The same document (by SHA-256) is not
/// imported twice for one region. A person's mapping of an unresolved unit name is kept as an alias.
/// </summary>
public sealed class PlanImport(ShianDb db, UnitCatalogService unitCatalog, AttachmentWriter attachments, TimeProvider clock, Indicators.Contracts.IIndicatorReader indicators)
{
    public sealed record Request(string FileName, byte[] Content, int? Year, string? RegionCode, IReadOnlyDictionary<string, string>? Mappings = null, LayoutHint? Hint = null);

    public sealed record Preview(ParsedPlan Plan, UnitCatalog Catalog, string ContentHash, Guid? DuplicateOf);

    public async Task<Preview> PreviewAsync(Request request, CancellationToken ct)
    {
        if (request.RegionCode is not null)
        {
            EnsureRegionAllowed(request.RegionCode);
        }

        var catalog = await unitCatalog.LoadAsync(ct);
        var plan = Parse(request, catalog);
        if (plan.IssuerRegionCode is { } region)
        {
            EnsureRegionAllowed(region);
        }

        var hash = Hash(request.Content);
        var duplicate = plan.IssuerRegionCode is null ? null
            : await db.Plans.Where(p => p.RegionCode == plan.IssuerRegionCode && p.ContentHash == hash).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        return new Preview(plan, catalog, hash, duplicate);
    }

    public async Task<Plan> SaveAsync(Request request, CancellationToken ct)
    {
        var preview = await PreviewAsync(request, ct);
        var parsed = preview.Plan;
        var catalog = preview.Catalog;
        var errors = new Dictionary<string, string[]>();
        if (parsed.Year is null)
        {
            errors["year"] = ["请填写计划年度"];
        }

        if (parsed.IssuerRegionCode is null)
        {
            errors["regionCode"] = ["请选择计划所属区划"];
        }

        var mappings = request.Mappings ?? new Dictionary<string, string>();
        foreach (var (text, unitKeys) in mappings)
        {
            // A name is mapped to units of the plan's own region (or below) that the importer may act for: never to
            // another district's or city's office. A group name ("有关成员单位") may be mapped to several (keys separated by ',').
            foreach (var unitKey in KeysOf(unitKeys))
            {
                var target = catalog.Find(unitKey);
                if (target is null)
                {
                    errors[$"mappings[{text}]"] = [$"单位 {unitKey} 不存在"];
                }
                else if (parsed.IssuerRegionCode is { } planRegion && (!RegionCode.IsWithin(target.RegionCode, planRegion) || !db.Request.Scope.AllowsCreateIn(target.RegionCode)))
                {
                    errors[$"mappings[{text}]"] = [$"“{text}”只能指定为本方案所属区划内、您有权管理的单位，不能指定为“{target.Name}”"];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("governance.plan-invalid", "工作方案信息不完整，未保存", errors);
        }

        if (preview.DuplicateOf is { } existing)
        {
            throw new ShianProblemException(StatusCodes.Status409Conflict, "governance.plan-duplicate", "重复导入", $"该文件已导入过（计划 {existing}），未重复保存。");
        }

        var region = parsed.IssuerRegionCode!;
        var now = clock.GetUtcNow().UtcDateTime;
        var source = await attachments.AddAsync(region, null, request.FileName, request.Content, ct, ContentTypeOf(request.FileName));
        source.AttachedAtUtc = source.UploadedAtUtc; // the plan's source document
        var plan = new Plan
        {
            RegionCode = region,
            Title = parsed.Title,
            Year = parsed.Year!.Value,
            IssuerName = parsed.IssuerName,
            Layout = parsed.Layout,
            ContentHash = preview.ContentHash,
            SourceFileName = source.FileName,
            SourceAttachmentId = source.Id,
            ImportedBy = db.Request.UserName,
            ImportedAtUtc = now,
        };
        db.Plans.Add(plan);

        var taskOrdinal = 0;
        foreach (var (section, sectionIndex) in parsed.Sections.Select((s, i) => (s, i)))
        {
            var sectionRow = new PlanSection { PlanId = plan.Id, RegionCode = region, Ordinal = sectionIndex + 1, Number = section.Number, Title = section.Title };
            db.PlanSections.Add(sectionRow);
            foreach (var t in section.Tasks)
            {
                var task = new PlanTask
                {
                    PlanId = plan.Id,
                    SectionId = sectionRow.Id,
                    RegionCode = region,
                    Ordinal = ++taskOrdinal,
                    Number = t.Number,
                    Title = t.Title,
                    Text = t.Text,
                    LeadText = t.LeadText,
                    UnitsText = t.UnitsText,
                    TimeText = t.TimeText,
                    Recurring = t.Recurring,
                };
                db.PlanTasks.Add(task);
                var status = Rules.WorkStatusRule.Evaluate([.. t.Milestones.Select(m => m.Date)], t.Recurring, null, Shian.Kernel.Calendar.ChinaTime.Today(clock));
                AddAssignments(task, t.Lead, AssignmentRole.Lead, catalog, mappings, region, status);
                AddAssignments(task, t.Units, AssignmentRole.Responsible, catalog, mappings, region, status);
                db.Milestones.AddRange(t.Milestones.Select((m, i) => new Milestone { TaskId = task.Id, RegionCode = region, Ordinal = i + 1, Date = m.Date, Phrase = m.Phrase, Text = m.Text, Rule = m.Rule }));
                db.Targets.AddRange(t.Targets.Select((g, i) => new Target
                {
                    TaskId = task.Id, RegionCode = region, Ordinal = i + 1, Text = g.Text, Comparator = g.Comparator, Value = g.Value, Unit = g.Unit, Period = g.Period, Deadline = g.Deadline,
                    // One sentence may carry several targets: the n-th of those read from the same sentence.
                    IndicatorKey = indicators.Suggest(g.Text, g.Unit, t.Targets.Take(i).Count(o => o.Text == g.Text)),
                }));
            }
        }

        // Only a one-unit mapping is learned as an alias: a name meaning several units means different ones task by task.
        foreach (var (text, unitKey) in mappings.Select(m => (m.Key, Keys: KeysOf(m.Value))).Where(m => m.Keys.Count == 1).Select(m => (m.Key, m.Keys[0])))
        {
            var unit = catalog.Find(unitKey)!;
            var alias = UnitNameResolver.RelativeAlias(catalog, text, unit);
            // The catalogue holds only the aliases serving this importer; another region's identical one exists already.
            if (!catalog.AliasesOf(unitKey).Any(a => a.Alias == alias) && !await db.UnitAliases.AnyAsync(a => a.UnitKey == unitKey && a.Alias == alias, ct))
            {
                db.UnitAliases.Add(new UnitAlias { UnitKey = unitKey, Alias = alias, Origin = UnitAliasOrigin.Mapped, Note = $"导入“{parsed.Title}”时人工指定", ScopeRegionCode = region });
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await attachments.DiscardAsync([source]);
            throw new ShianProblemException(StatusCodes.Status409Conflict, "governance.plan-duplicate", "重复导入", "该文件刚刚已被导入，未重复保存。");
        }
        catch
        {
            await attachments.DiscardAsync([source]);
            throw;
        }

        return plan;
    }

    private void AddAssignments(PlanTask task, IEnumerable<UnitResolution> resolutions, AssignmentRole role, UnitCatalog catalog, IReadOnlyDictionary<string, string> mappings, string planRegion, WorkStatus status)
    {
        var seen = new HashSet<string>();
        var ordinal = 0;
        foreach (var r in resolutions)
        {
            if (r.Kind == ResolutionKind.Unresolved)
            {
                if (mappings.TryGetValue(r.Text, out var mapped) && KeysOf(mapped) is { Count: > 0 } keys)
                {
                    foreach (var key in keys)
                    {
                        Assign(key, "人工指定：" + r.Text);
                    }
                }
                else
                {
                    db.UnresolvedUnits.Add(new UnresolvedUnit { TaskId = task.Id, RegionCode = planRegion, Text = r.Text, Role = role });
                }

                continue;
            }

            foreach (var key in r.UnitKeys)
            {
                Assign(key, r.Rule);
            }
        }

        void Assign(string unitKey, string rule)
        {
            if (!seen.Add(unitKey) || catalog.Find(unitKey) is not { } unit)
            {
                return;
            }

            db.TaskAssignments.Add(new TaskAssignment
            {
                TaskId = task.Id, PlanId = task.PlanId, UnitKey = unitKey, UnitName = unit.Name, RegionCode = unit.RegionCode, Role = role, Ordinal = ++ordinal, Status = status,
                Resolution = rule.Length > 500 ? rule[..500] : rule,
            });
        }
    }

    /// <summary>The unit keys of one mapping: one key, or several separated by ',' (unit keys hold no comma).</summary>
    private static List<string> KeysOf(string value) => [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];

    private static ParsedPlan Parse(Request request, UnitCatalog catalog)
    {
        try
        {
            return PlanParser.Parse(PlanDocuments.Read(request.FileName, request.Content), catalog, new PlanParser.Options(request.Year, request.RegionCode, request.Hint));
        }
        catch (PlanLayoutUnknownException e)
        {
            // Not refused: the client is shown what was read and asked for the columns or the clause words.
            throw new PlanLayoutProblem(e.Message, e.Sample);
        }
        catch (PlanParseException e)
        {
            throw ShianProblemException.Invalid("governance.plan-unreadable", e.Message, new Dictionary<string, string[]> { ["file"] = [e.Message] });
        }
    }

    private void EnsureRegionAllowed(string regionCode)
    {
        if (!RegionCode.IsValid(regionCode))
        {
            throw ShianProblemException.Invalid("region.code-invalid", $"区划代码“{regionCode}”应为 12 位数字");
        }

        if (!db.Request.Scope.AllowsCreateIn(regionCode))
        {
            throw ShianProblemException.RegionForbidden($"您无权为区划 {regionCode} 导入工作方案。");
        }
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/plain; charset=utf-8",
    };
}

/// <summary>
/// No task was recognised (code <c>governance.plan-layout-unknown</c>): the problem carries <see cref="Sample"/>, the
/// first rows as read, so that the import page and API clients can say which column holds what (<c>columns</c>,
/// <c>headerRow</c>) or how the plan names its units (<c>unitLabel</c>, <c>unitVerb</c>) and preview again.
/// </summary>
public sealed class PlanLayoutProblem : ShianProblemException
{
    public PlanLayoutProblem(string detail, IReadOnlyList<IReadOnlyList<string>> sample)
        : base(StatusCodes.Status422UnprocessableEntity, "governance.plan-layout-unknown", "未能识别方案版式", detail, new Dictionary<string, string[]> { ["file"] = [detail] })
    {
        Sample = sample;
        Extensions = new Dictionary<string, object?> { ["sample"] = sample };
    }

    public IReadOnlyList<IReadOnlyList<string>> Sample { get; }
}
