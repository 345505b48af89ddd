using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Loader;

namespace Shian.UnitTests.Architecture;

/// <summary>
/// Module boundaries, checked on the compiled assembly (ADR 0004): a module (a top-level folder and namespace
/// <c>Shian.&lt;Module&gt;</c>, its Razor pages included) uses another module only through that module's
/// <c>Contracts</c> namespace; the shared parts (Kernel, Data, Web) use no module's internals; a module's tables are
/// reached only through its own <c>Data</c> accessors, so reading another module's table is a dependency on that
/// module's non-Contracts types and fails here; the region filter is bypassed only by the reviewed types below.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Shian =
        new(() => new ArchLoader().LoadAssemblies(typeof(global::Shian.Data.ShianDb).Assembly).Build());

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> WithProbes =
        new(() => new ArchLoader().LoadAssemblies(typeof(global::Shian.Data.ShianDb).Assembly, typeof(ModuleBoundaryTests).Assembly).Build());

    [Fact]
    public void TheArchitecture_FindsEveryModule_AndItsPages()
    {
        var modules = ModuleRules.Modules(Shian.Value);
        Assert.Superset(new HashSet<string> { "Governance", "Registry", "Risk", "Inspections", "Sampling" }, modules);

        // Compiled Razor pages and partials are classes of the namespace of their folder (the root _ViewImports says
        // `@namespace Shian`): Registry/Pages/Business.cshtml → Shian.Registry.Pages.Registry_Pages_Business.
        var pages = Shian.Value.Types.Where(t => t.Name.Contains("_Pages_", StringComparison.Ordinal)).ToList();
        Assert.Contains(pages, p => ModuleRules.ModuleOf(p) == "Registry");
        Assert.Contains(pages, p => ModuleRules.ModuleOf(p) == "Sampling");
        Assert.Contains(pages, p => ModuleRules.ModuleOf(p) == "Web");
    }

    [Fact]
    public void NoModule_ReachesIntoAnotherModule_ExceptThroughItsContracts()
    {
        var violations = ModuleRules.BoundaryViolations(Shian.Value);
        Assert.True(violations.Count == 0, "A module may use another only through its Contracts (ADR 0004):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheRegionFilter_IsBypassedOnlyByReviewedTypes()
    {
        var violations = ModuleRules.FilterBypasses(Shian.Value).Where(t => !ModuleRules.ReviewedBypasses.ContainsKey(t)).ToList();
        Assert.True(violations.Count == 0, "IgnoreQueryFilters outside the reviewed list (add it to ModuleRules.ReviewedBypasses with the reason, after review):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheReviewedBypassList_HasNoStaleEntries()
    {
        var used = ModuleRules.FilterBypasses(Shian.Value).ToHashSet();
        var stale = ModuleRules.ReviewedBypasses.Keys.Where(k => !used.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Listed as bypassing the region filter but no longer does:\n" + string.Join("\n", stale));
    }

    /// <summary>The rule fails on a deliberate violation (the probes below live in the test assembly only).</summary>
    [Fact]
    public void TheBoundaryRule_FailsOnADeliberateViolation_NamingTheOffendingType()
    {
        var violations = ModuleRules.BoundaryViolations(WithProbes.Value);
        Assert.Contains(violations, v => v.StartsWith("Shian.Registry.ArchitectureProbe.ReadsSamplingTable", StringComparison.Ordinal) && v.Contains("Shian.Sampling.", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Shian.Registry.ArchitectureProbe.UsesSamplingService", StringComparison.Ordinal) && v.Contains("Shian.Sampling.Samples", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Shian.Kernel.ArchitectureProbe.KernelUsesRegistry", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.StartsWith("Shian.Inspections.ArchitectureProbe.UsesRegistryContracts", StringComparison.Ordinal));
        Assert.Contains("Shian.Registry.ArchitectureProbe.BypassesFilter", ModuleRules.FilterBypasses(WithProbes.Value));
    }
}

/// <summary>The rules themselves, shared by the tests above.</summary>
internal static class ModuleRules
{
    /// <summary>Folders shared by every module: they may use modules' Contracts, never their internals.</summary>
    public static readonly HashSet<string> Shared = ["Kernel", "Data", "Web", "Resources", "Properties"];

    /// <summary>
    /// Types allowed to read past the region filter (<c>IgnoreQueryFilters</c>), each reviewed for what it exposes.
    /// A new entry needs a review: what is read past the filter, and why the caller may see it.
    /// </summary>
    public static readonly Dictionary<string, string> ReviewedBypasses = new()
    {
        ["Shian.Traceability.Capture"] = "an EPCIS eventID is global: which of a document's eventIDs are already held in any region (existence only), so a resent event is counted as a duplicate instead of stored twice; and which business a document's sender (USCC or GLN) is, through the GS1 codes registered to businesses — id and region only, to refuse a sender outside the officer's districts with 403 (TraceabilityTests)",
        ["Shian.Traceability.Recalls"] = "a recall proposed by a failed sample is idempotent (existence by sample id); the next serial of a county's recall numbers; the owner of a GTIN's GS1 prefix (id only); and the district tasks of a recall the caller could read (RecallTests)",
        ["Shian.Traceability.Traces"] = "a recall's scope is the whole downstream chain: the forward trace of a recalled lot in every district, with the GS1 owners of the GLNs it reached — only for a recall the caller could read; and the backward walk of the public 追溯码 page, which PublicTrace reduces to business, step, place and date (TraceabilityTests)",
        ["Shian.Inspections.PublicBusinessInspections"] = "a business's public page: its published inspection results (date, result, the failed items in the checklist's own words, rectification) and its replies once reviewed — no inspectors, free-text findings, photos or unpublished results (PublicPortalTests)",
        ["Shian.Sampling.PublicBusinessSamples"] = "a business's public page: its 监督抽检 samples that were announced (food, date, conclusion, failed analytes, the announcement) — what the published announcement already shows (PublicPortalTests)",
        ["Shian.Credit.CreditPublic"] = "the public lists: penalty publications now in their period (a natural person's name masked, found by decision number only) and current serious-dishonesty listings — what Orders 45 and 44 make public (PublicPortalTests)",
        ["Shian.Credit.PublicBusinessCredit"] = "a business's public page: its penalty publications now in their period and a current serious-dishonesty listing — what Orders 45 and 44 make public (PublicPortalTests)",
        ["Shian.Traceability.PublicTrace"] = "published recalls only; a lot's 追溯码 page shows its events as business, step, place and date (no quantities, documents or identifiers beyond the lot), with the names the owners declared for the lot's product and those places (master data: names only)",
        ["Shian.Traceability.Demo.TraceabilityDemoSeeder"] = "demo data at start-up (system): whether any GS1 code is registered yet",
        ["Shian.Traceability.Gs1Prefixes"] = "a GS1 company prefix or GLN belongs to one business: the registered codes sharing its first six digits, to refuse an overlapping one (the code only)",
        ["Shian.Credit.BarredPersons"] = "a bar under 食品安全法 第一百三十五条 holds nationwide: matching a resident id's keyed digest against every region's records, answering only the bar's facts to the register checking a 食品安全管理员, and refusing a duplicate record (CreditTests.ABarredPerson_CannotBeNamed_InAnyDistrict_UntilLifted)",
        ["Shian.Credit.Publications"] = "the conditions of an early stop (信用修复, Order 45 第十四条) hold nationwide: whether the same party was penalised again under the same article, or is on the serious-dishonesty list, in any district — a yes or no, never the records (BusinessPortalTests)",
        ["Shian.Credit.Listings"] = "the condition of an early removal (Order 44 第十七条) holds nationwide: whether the same party received a heavier penalty after its listing in any district — a yes or no, never the records (BusinessPortalTests)",
        ["Shian.Credit.CreditExchange"] = "the joint-punishment lookup by USCC for a caller holding an administrator-issued key: only current listings and current publications, which Orders 44 and 45 make public; every call logged (CreditTests.TheLookup_AnswersWithAKeyOnly_AndLogsEveryCall)",
        ["Shian.Complaints.ComplaintQueries"] = "a complaint's photos (kernel attachments keep the region of first receipt) for whoever sees the complaint after a transfer: only ids linked to a visible complaint (ComplaintsTests.ATransferredComplaint_ShowsItsPhotos_ToTheNewDistrictOnly)",
        ["Shian.Emergencies.Demo.EmergenciesDemoSeeder"] = "demo data at start-up (system): whether any reporting point exists",
        ["Shian.Emergencies.ZeroReporting"] = "a named reporter (a school's own account, no jurisdiction) reads the points it is named on, the zero-report schedules covering them, "
            + "those points' zero reports, and whether an incident was reported from them in a period (a yes/no per period, no incident content); submitting writes only for such a point",
        ["Shian.Emergencies.OpinionQueries"] = "the 舆情 item an alert the caller can see was raised on: a story naming businesses of several districts is kept "
            + "under the first district, and each other district's alert reads it (only by the visible alert's ItemId)",
        ["Shian.Emergencies.Demo.OpinionDemoSeeder"] = "demo data at start-up (system): whether any 舆情 source exists",
        ["Shian.Complaints.Demo.ComplaintsDemoSeeder"] = "demo data at start-up (system): whether any complaint exists",
        ["Shian.Complaints.HotlineImport"] = "which of the file's 12345 tickets are already registered (any region): existence only, to skip and list them",
        ["Shian.Complaints.Intake"] = "a hotline ticket is registered once per channel, and the filings of one phone digest in 24 hours (the spam limit): existence and a count only",
        ["Shian.Complaints.Open311Requests"] = "the Open311 channel's own requests for the spec's anonymous GETs: no identity, no internal notes (Open311Tests)",
        ["Shian.Enforcement.Clues"] = "a clue is registered once per raising record (existence only), and the next 立案 number of the case's county and year (a maximum only)",
        ["Shian.Enforcement.Demo.EnforcementDemoSeeder"] = "seeds only when no clue exists anywhere (existence only)",
        ["Shian.Enforcement.AssistanceDesk"] = "a case's own 协查 requests, read by case id after the case itself was found through the filter (the acting district may be another); the requests of cases in the caller's regions by the case's region against the caller's granted prefixes; and, to tell a requesting case's officers that the other district answered, their user names by case id; the document sent with an answer, by the request's attachment id after the request itself was found (AssistanceTests)",
        ["Shian.Traceability.TradePartnerFinder"] = "违法信息向上下游通报: the suppliers and buyers of a business the caller may see (its own case's party), wherever they are — through the sources/destinations of trace events and the GS1 codes registered to businesses; only each partner's name, region, direction and counts are returned (AssistanceTests)",
        ["Shian.Enforcement.Cases"] = "the next 决定书 number of the case's county and year (a maximum only)",
        ["Shian.Enforcement.SummaryPenalties"] = "the next 当场处罚决定书 number of the county's own series and year (a maximum only)",
        ["Shian.Complaints.Rewards"] = "the reporter's own award when claiming with the tracking code; the public list of paid awards: date, district, category, level, amount — no identity, business or code",
        ["Shian.Complaints.PublicTracking"] = "one complaint by its tracking code, for the filer holding the phone's last digits or the follow-up key: status, public history lines and the reply (ComplaintsTests)",
        ["Shian.Governance.AssessmentPublication"] = "publishes results carrying each assessee's region; the public reads published schemes only",
        ["Shian.Governance.AssessmentRanking"] = "a city scheme's frozen results and last year's, carrying each assessee's region; the targets its items score",
        ["Shian.Governance.AssessmentService"] = "one scheme per office and year: only existence is read",
        ["Shian.Governance.GovernanceApi"] = "deleting a plan (the caller's): whether any region's reports, 督办 or 考核 items use it (existence only), then its assignments in other regions",
        ["Shian.Governance.GovernanceQueries"] = "my tasks: tasks of a city plan that carry one of the caller's assignments, and those tasks' milestones",
        ["Shian.Governance.Tracking"] = "a task page for a unit assigned to it; reports of other units only for the plan's owners and lead units, with those reports' evidence files (TrackingTests.AReport_ShowsItsAuthorByName_AndItsEvidence_OnlyToTheDistrict)",
        ["Shian.Inspections.Draws"] = "a draw's visits across the districts of the drawing office; a published draw's stored verification for the public",
        ["Shian.Inspections.InspectionsPublic"] = "published draws and published inspection results (no inspector names, no findings)",
        ["Shian.Registry.Demo.RegistryDemoSeeder"] = "demo data at start-up (system)",
        ["Shian.Registry.Import.RegistryImport"] = "a USCC or licence number is registered once platform-wide: only existence is read",
        ["Shian.Bulletins.PublicBulletins"] = "the public's 信息发布: published bulletins only (drafts and withdrawn ones never), the issuing office by name (BulletinsTests)",
        ["Shian.Bulletins.Demo.BulletinsDemoSeeder"] = "demo data at start-up (system): whether any bulletin exists",
        ["Shian.Surveys.Demo.SurveysDemoSeeder"] = "demo data at start-up (system): whether any survey exists",
        ["Shian.Surveys.SurveyDesk"] = "a district officer interviewing for the city survey covering the district: the survey alone, only when it covers one of the caller regions",
        ["Shian.Surveys.SurveyAnswers"] = "an anonymous respondent: the open survey of a public code, an invitation by its code's digest, whether a person digest already answered",
        ["Shian.Registry.PublicBusinessRating"] = "a business's public page: its confirmed 量化分级 grade and 放心示范店 title in force today — the regulator's designations the guidance has posted at the door (PublicPortalTests)",
        ["Shian.Registry.PublicRegister"] = "the public fields of the register for the public lookup",
        ["Shian.Registry.SelfRegistration"] = "an anonymous business proving its register phone: reads one business by USCC and licence, returns only its name and the masked phone",
        ["Shian.Registry.RegistryService"] = "a USCC or licence number is registered once platform-wide: only existence is read",
        ["Shian.Sampling.Announcements"] = "published announcements, the national columns only",
        ["Shian.Sampling.LotResults"] = "published samples of one lot (GTIN + batch): what their announcement shows",
        ["Shian.Sampling.Demo.SamplingDemoSeeder"] = "demo data at start-up (system)",
        ["Shian.Sampling.Samples"] = "the next serial of a county's sample codes (codes only)",
        ["Shian.Sampling.SamplingPlans"] = "a district's shares of an enclosing region's plan: title, year and quota names",
    };

    public static HashSet<string> Modules(ArchUnitNET.Domain.Architecture architecture) =>
        [.. architecture.Types.Select(ModuleOf).OfType<string>().Where(m => !Shared.Contains(m))];

    /// <summary>The module (or shared part) of a type: <c>Shian.&lt;Module&gt;…</c>; null for anything else (Program, libraries).</summary>
    public static string? ModuleOf(IType type)
    {
        var ns = type.Namespace?.FullName ?? "";
        if (!ns.StartsWith("Shian.", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = ns.Split('.');
        return parts[1];
    }

    private static bool IsContracts(IType type)
    {
        var parts = (type.Namespace?.FullName ?? "").Split('.');
        return parts.Length > 2 && parts[0] == "Shian" && parts[2] == "Contracts";
    }

    /// <summary>Nested and compiler-generated types (lambdas, async state machines) count as their outermost type.</summary>
    private static string Outer(IType type)
    {
        var name = type.FullName;
        var plus = name.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? name[..plus] : name;
    }

    /// <summary>"origin → target" for every dependency of a module (or the shared parts) on another module's non-Contracts type.</summary>
    public static List<string> BoundaryViolations(ArchUnitNET.Domain.Architecture architecture)
    {
        var modules = Modules(architecture);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in architecture.Types)
        {
            var from = ModuleOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                foreach (var target in Targets(dependency))
                {
                    var to = ModuleOf(target);
                    if (to is null || to == from || !modules.Contains(to) || IsContracts(target))
                    {
                        continue;
                    }

                    found.Add($"{Outer(type)} → {Outer(target)}");
                }
            }
        }

        return [.. found];
    }

    /// <summary>The dependency's target and the type arguments it was used with (db.Set&lt;Sample&gt;(), DbSet&lt;Sample&gt;).</summary>
    private static IEnumerable<IType> Targets(ITypeDependency dependency)
    {
        yield return dependency.Target;
        foreach (var argument in dependency.TargetGenericArguments)
        {
            yield return argument.Type;
        }

        if (dependency is IMemberTypeDependency { } member && member is MethodCallDependency call)
        {
            foreach (var argument in call.TargetMemberGenericArguments)
            {
                yield return argument.Type;
            }
        }
    }

    /// <summary>The outermost types whose code calls IgnoreQueryFilters.</summary>
    public static List<string> FilterBypasses(ArchUnitNET.Domain.Architecture architecture) =>
        [.. architecture.Types
            .Where(t => t.Dependencies.OfType<MethodCallDependency>().Any(d => d.TargetMember.Name.StartsWith("IgnoreQueryFilters", StringComparison.Ordinal)))
            .Select(Outer).Distinct().Order(StringComparer.Ordinal)];
}
