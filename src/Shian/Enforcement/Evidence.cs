using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Enforcement.Domain;
using Shian.Kernel.Attachments;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;

namespace Shian.Enforcement;

/// <summary>
/// 调查取证: a case officer adds a file as evidence (its kind, what it shows, when it was collected); the file becomes
/// immutable and its SHA-256 is kept on the case; <see cref="VerifyAsync"/> re-reads the stored bytes and compares.
/// </summary>
public sealed class Evidence(ShianDb db, AttachmentWriter attachments, IAttachmentStore store, TimeProvider clock)
{
    public static string KindText(EvidenceKind k) => k switch
    {
        EvidenceKind.Documentary => "书证",
        EvidenceKind.Physical => "物证",
        EvidenceKind.AudioVisual => "视听资料",
        EvidenceKind.Electronic => "电子数据",
        EvidenceKind.Testimony => "证人证言",
        EvidenceKind.PartyStatement => "当事人的陈述",
        EvidenceKind.Expert => "鉴定意见",
        _ => "勘验笔录、现场笔录",
    };

    private static readonly CaseStage[] Collecting = [CaseStage.Investigating, CaseStage.Review, CaseStage.Notified, CaseStage.Hearing, CaseStage.Deciding];

    /// <summary>Adds an uploaded file (or an attachment already uploaded, by id) as evidence, in one transaction.</summary>
    public async Task<Guid> AddAsync(Guid caseId, EvidenceKind? kind, string? description, DateOnly? collectedOn, Guid? attachmentId, (string FileName, byte[] Content)? file, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId && x.Stage != CaseStage.Proposed, ct)
            ?? throw ShianProblemException.NotFound("enforcement.case-not-found", "案件不存在或不在您的辖区");
        var errors = new Dictionary<string, string[]>();
        if (kind is not EvidenceKind k || !Enum.IsDefined(k))
        {
            errors["kind"] = ["请选择证据种类（《行政处罚法》第四十六条）"];
        }

        var text = Input.Clean(description);
        if (text is null || text.Length > 500)
        {
            errors["description"] = ["请写明证据的名称和证明的事项（不超过 500 字）"];
        }

        if (collectedOn is not DateOnly on || on > ChinaTime.Today(clock) || on < c.OpenedOn?.AddYears(-5))
        {
            errors["collectedOn"] = ["请填写取证日期（不晚于今天）"];
        }

        if (file is null && attachmentId is null)
        {
            errors["file"] = ["请选择证据文件"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("enforcement.evidence-invalid", "证据信息有误，未保存", errors);
        }

        // An on-the-spot decision's photos and records are added until it is filed with the office.
        if (!Collecting.Contains(c.Stage) && !(c.Procedure == CaseProcedure.Summary && c.FiledOn is null))
        {
            throw ShianProblemException.Conflict("enforcement.wrong-stage", "案件当前阶段不能再添加证据");
        }

        Cases.EnsureOfficer(c, db.Request.UserName, "添加证据");

        Attachment a;
        if (file is { } f)
        {
            a = await attachments.AddAsync(c.RegionCode, null, f.FileName, f.Content, ct);
        }
        else
        {
            a = await db.Attachments.FirstOrDefaultAsync(x => x.Id == attachmentId, ct)
                ?? throw ShianProblemException.Invalid("enforcement.evidence-invalid", "证据文件不存在或不在您的辖区", Input.Error("attachmentId", "证据文件"));
            if (await db.CaseEvidence.AnyAsync(e => e.CaseId == caseId && e.AttachmentId == a.Id, ct))
            {
                throw ShianProblemException.Conflict("enforcement.evidence-exists", "这个文件已是本案的证据");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var e = new CaseEvidence
        {
            CaseId = caseId, RegionCode = c.RegionCode, AttachmentId = a.Id, Kind = kind!.Value, Description = text!, CollectedOn = collectedOn!.Value, CollectedBy = db.Request.UserName,
            FileName = a.FileName, Size = a.Size, Sha256 = a.Sha256, AddedAtUtc = now,
        };
        db.CaseEvidence.Add(e);
        await db.AttachAsync([a.Id], now, ct);
        c.UpdatedAtUtc = now;
        db.AddHistory(c.Id, c.RegionCode, now, $"添加证据（{KindText(e.Kind)}）：{text}；文件 {a.FileName}，SHA-256 {a.Sha256}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            if (file is not null)
            {
                await attachments.DiscardAsync([a]);
            }

            throw;
        }

        return e.Id;
    }

    public Task<List<CaseEvidence>> OfCaseAsync(Guid caseId, CancellationToken ct) =>
        db.CaseEvidence.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.CollectedOn).ThenBy(e => e.AddedAtUtc).ToListAsync(ct);

    /// <summary>Re-reads the stored file and compares its SHA-256 with the one recorded when it was collected.</summary>
    public async Task<bool> VerifyAsync(Guid caseId, Guid evidenceId, CancellationToken ct)
    {
        var e = await db.CaseEvidence.AsNoTracking().FirstOrDefaultAsync(x => x.Id == evidenceId && x.CaseId == caseId, ct)
            ?? throw ShianProblemException.NotFound("enforcement.evidence-not-found", "证据不存在或不在您的辖区");
        var key = await db.Attachments.AsNoTracking().Where(a => a.Id == e.AttachmentId).Select(a => a.StorageKey).FirstOrDefaultAsync(ct);
        await using var stream = key is null ? null : await store.OpenReadAsync(key, ct);
        return stream is not null && Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)) == e.Sha256;
    }
}
