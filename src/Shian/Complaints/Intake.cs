using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Complaints.Domain;
using Shian.Complaints.Rules;
using Shian.Data;
using Shian.Kernel.Attachments;
using Shian.Kernel.Calendar;
using Shian.Kernel.Errors;
using Shian.Kernel.Inbox;
using Shian.Kernel.Privacy;
using Shian.Kernel.Regions;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;

namespace Shian.Complaints;

/// <summary>
/// Every channel makes one record here: the public form, the whistleblower channel, the hotline operator's form and
/// Open311. Validates everything first (Chinese messages by field), then writes the complaint, its photos and its first
/// history line in one transaction, and tells the district office.
/// </summary>
public sealed class Intake(ShianDb db, IPublicRegister register, WorkingDayCalendarProvider calendar, TimeProvider clock, PersonalData personal,
    AttachmentWriter attachments, Notifier notifier, DistrictRecipients recipients, IOptions<ComplaintsOptions> options, GroupCommit groupCommit)
{
    public sealed record Photo(string FileName, byte[] Content);

    public sealed record Filing(ComplaintKind Kind, ComplaintCategory Category, string? Description, DateOnly? OccurredOn, Guid? BusinessId, string? BusinessName,
        string? Address, double? Latitude, double? Longitude, string? RegionCode, bool Anonymous, string? Name, string? Phone, string? TicketId = null,
        IReadOnlyList<Photo>? Photos = null, bool Insider = false);

    /// <summary>What the filer keeps: the tracking code, and for a whistleblower the follow-up key (shown once).</summary>
    public sealed record Receipt(Guid Id, string TrackingCode, string? FollowUpKey, DateOnly ReceivedOn, DateOnly AcceptBy, string RegionName);

    public async Task<Receipt> FileAsync(ComplaintChannel channel, Filing f, CancellationToken ct, Guid? clientId = null, string? defaultRegion = null)
    {
        var (complaint, key, countyName) = await PrepareAsync(channel, f, ct, clientId, defaultRegion);
        var photos = f.Photos ?? [];
        db.Complaints.Add(complaint);
        AddFirstEntry(complaint);
        var stored = new List<Attachment>();
        try
        {
            foreach (var p in photos)
            {
                var a = await attachments.AddAsync(complaint.RegionCode, null, p.FileName, p.Content, ct);
                stored.Add(a);
                db.ComplaintPhotos.Add(new ComplaintPhoto { ComplaintId = complaint.Id, AttachmentId = a.Id, RegionCode = complaint.RegionCode });
            }

            notifier.Notify(await recipients.ForAsync(complaint.RegionCode, ct), $"新{(complaint.Kind == ComplaintKind.Report ? "举报" : "投诉")}：{complaint.BusinessName ?? complaint.Address}",
                $"{ChannelText(channel)} · 受理期限 {complaint.AcceptBy:yyyy-MM-dd}", $"/complaints/{complaint.Id}");
            if (stored.Count == 0)
            {
                // Filings come in floods (a hotline's busy hour, a viral incident): saved with whatever else is queued.
                await groupCommit.SaveAsync(db, ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch
        {
            await attachments.DiscardAsync(stored);
            throw;
        }

        return new Receipt(complaint.Id, complaint.TrackingCode, key, complaint.ReceivedOn, complaint.AcceptBy, countyName);
    }

    /// <summary>The first history line: how it came in.</summary>
    public void AddFirstEntry(Complaint c, string? extra = null) =>
        db.AddHistory(c, c.ReceivedAtUtc, ComplaintEntryKind.Step, $"已收到（{ChannelText(c.Channel)}{(c.TicketId is null ? "" : $"，工单 {c.TicketId}")}）{extra}", isPublic: true, author: null);

    /// <summary>
    /// Validates a filing and builds its record with the clocks set and the identity sealed, without storing anything
    /// (the caller adds it to its unit of work: one filing, or a whole import). Refusals name the field in Chinese.
    /// </summary>
    public async Task<(Complaint Complaint, string? FollowUpKey, string CountyName)> PrepareAsync(ComplaintChannel channel, Filing f, CancellationToken ct, Guid? clientId = null,
        string? defaultRegion = null, bool import = false)
    {
        var errors = new Dictionary<string, string[]>();
        var description = f.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            errors["description"] = ["请描述发生了什么（什么食品、什么问题）"];
        }
        else if (description.Length > 4000)
        {
            errors["description"] = [$"描述不能超过 4000 字（现 {description.Length} 字）"];
        }

        if (!Enum.IsDefined(f.Kind))
        {
            errors["kind"] = ["请选择投诉或举报"];
        }

        if (!Enum.IsDefined(f.Category))
        {
            errors["category"] = ["请选择问题类别"];
        }

        var today = ChinaTime.Today(clock);
        if (f.OccurredOn is DateOnly occurred && (occurred > today || occurred < today.AddYears(-5)))
        {
            errors["occurredOn"] = ["发生日期应在今天之前、近 5 年内"];
        }

        PublicBusiness? business = null;
        if (f.BusinessId is Guid bid)
        {
            business = await register.FindAsync(bid, ct);
            if (business is null)
            {
                errors["businessId"] = ["所选经营者不存在，请重新查找或直接填写名称"];
            }
        }

        var businessName = business?.Name ?? f.BusinessName?.Trim();
        if (businessName is { Length: > 200 })
        {
            errors["businessName"] = ["经营者名称不能超过 200 字"];
        }

        var address = f.Address?.Trim();
        if (address is { Length: > 300 })
        {
            errors["address"] = ["地址不能超过 300 字"];
        }

        if (f.Latitude is double lat != f.Longitude is double)
        {
            errors["latitude"] = ["经纬度须同时提供"];
        }
        else if (f.Latitude is < -90 or > 90 || f.Longitude is < -180 or > 180)
        {
            errors["latitude"] = ["经纬度超出范围"];
        }

        if (business is null && string.IsNullOrEmpty(businessName) && string.IsNullOrEmpty(address) && f.Latitude is null)
        {
            errors["address"] = ["请选择或填写被投诉举报的经营者，或填写地点"];
        }

        // Routing (第十二条): the department of the respondent's place; else the region chosen, or the client's default region
        // narrowed by a county or town named in the address.
        var region = business?.RegionCode ?? f.RegionCode?.Trim();
        if (region is null && defaultRegion is not null)
        {
            region = await RegionFromAddressAsync(defaultRegion, address, ct);
        }

        string? name = null, phone = null;
        if (!f.Anonymous)
        {
            name = f.Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors["name"] = ["实名投诉举报请填写姓名（或选择匿名）"];
            }
            else if (name.Length > 40)
            {
                errors["name"] = ["姓名不能超过 40 字"];
            }

            phone = Contacts.NormalizePhone(f.Phone);
            if (phone is null)
            {
                errors["phone"] = [string.IsNullOrWhiteSpace(f.Phone) ? "实名投诉举报请填写联系电话（或选择匿名）" : "联系电话应为 11 位手机号或带区号的固定电话"];
            }
        }
        else if (f.Kind == ComplaintKind.Complaint && channel != ComplaintChannel.Whistleblower)
        {
            // 第九条: a complaint is a consumer's own dispute and needs the complainant's name and contact.
            errors["anonymous"] = ["投诉须提供姓名和联系电话以便调解；不愿留名的，请选择「举报」"];
        }

        var ticket = f.TicketId?.Trim();
        if (channel is ComplaintChannel.Hotline12315 or ComplaintChannel.Hotline12345 or ComplaintChannel.Hotline12331 && string.IsNullOrEmpty(ticket))
        {
            errors["ticketId"] = ["请填写热线工单号"];
        }
        else if (ticket is { Length: > 64 })
        {
            errors["ticketId"] = ["工单号不能超过 64 个字符"];
        }

        var photos = f.Photos ?? [];
        if (photos.Count > options.Value.MaxPhotos)
        {
            errors["photos"] = [$"最多上传 {options.Value.MaxPhotos} 张照片"];
        }
        else
        {
            foreach (var (p, i) in photos.Select((p, i) => (p, i + 1)))
            {
                var type = FileTypes.Detect(p.FileName, p.Content.AsSpan(0, Math.Min(16, p.Content.Length)));
                if (type is null || !type.ContentType.StartsWith("image/", StringComparison.Ordinal))
                {
                    errors["photos"] = [$"第 {i} 个文件「{Path.GetFileName(p.FileName)}」不是 JPG 或 PNG 图片"];
                    break;
                }
            }
        }

        // One round trip for what the filing needs from the database (issue #16's intake benchmark): that the region
        // exists; its county's name for the receipt (the public is told the handling department's county, 第十二条);
        // and, checked after the validation, whether the hotline ticket was filed before and how often the phone filed
        // in the last 24 hours — in any region (routing is by place): a yes and a count, nothing of those records.
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var digest = phone is null ? null : personal.Digest(phone);
        IntakeFacts? facts = null;
        if (region is not null && RegionCode.IsValid(region))
        {
            var county = RegionCode.CountyOf(region) ?? region;
            var checkTicket = !import && ticket is { Length: > 0 and <= 64 };
            var ticketKey = checkTicket ? ticket! : "";
            var checkPhone = !import && digest is not null;
            var digestKey = digest ?? "";
            var since = nowUtc.AddDays(-1);
            var all = db.Complaints.IgnoreQueryFilters([RegionScope.FilterName]);
            facts = await db.Regions.AsNoTracking().Where(r => r.Code == region)
                .Select(r => new IntakeFacts(
                    db.Regions.Where(c => c.Code == county).Select(c => c.Name).FirstOrDefault() ?? r.Name,
                    checkTicket && all.Any(c => c.Channel == channel && c.TicketId == ticketKey),
                    checkPhone ? all.Count(c => c.PhoneDigest == digestKey && c.ReceivedAtUtc > since) : 0))
                .FirstOrDefaultAsync(ct);
        }

        if (facts is null)
        {
            errors["regionCode"] = ["请选择发生地所在的区县或街道（乡镇）"];
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("complaints.invalid", "投诉举报信息有误，未提交", errors);
        }

        // Staff register calls for their own regions; the public and Open311 clients file anywhere (routed by place).
        if (channel is ComplaintChannel.Hotline12315 or ComplaintChannel.Hotline12345 or ComplaintChannel.Hotline12331 or ComplaintChannel.Counter
            && !db.Request.Scope.AllowsCreateIn(region!))
        {
            throw ShianProblemException.RegionForbidden("只能登记本辖区的来电；其他辖区的，请登记后移送或转有管辖权的部门。");
        }

        if (facts!.DuplicateTicket)
        {
            throw ShianProblemException.Conflict("complaints.duplicate-ticket", $"热线工单 {ticket} 已登记过");
        }

        if (facts.PhoneFilingsToday >= options.Value.PerPhonePerDay)
        {
            throw new ShianProblemException(StatusCodes.Status429TooManyRequests, "complaints.phone-limit", "提交过于频繁",
                $"同一电话 24 小时内最多提交 {options.Value.PerPhonePerDay} 件，请稍后再试或拨打 12315。");
        }

        var cal = calendar.Current;
        // Without a phone to check against, the filer follows up with a key shown once (the whistleblower always: 第一百一十五条).
        var key = !import && (channel == ComplaintChannel.Whistleblower || (f.Anonymous && channel != ComplaintChannel.Open311)) ? TrackingCodes.NewKey() : null;
        var complaint = new Complaint
        {
            TrackingCode = TrackingCodes.New(),
            RegionCode = region!,
            Kind = f.Kind,
            Channel = channel,
            Category = f.Category,
            TicketId = ticket,
            ClientId = clientId,
            Description = description!,
            OccurredOn = f.OccurredOn,
            BusinessId = business?.Id,
            BusinessName = businessName is { Length: > 0 } ? businessName : null,
            Address = address is { Length: > 0 } ? address : business?.Address,
            Latitude = f.Latitude,
            Longitude = f.Longitude,
            ReceivedAtUtc = nowUtc,
            ReceivedOn = today,
            Anonymous = f.Anonymous,
            Insider = f.Insider || channel == ComplaintChannel.Whistleblower,
            NameMasked = name is null ? null : Contacts.MaskName(name),
            NameSealed = personal.Seal(name),
            PhoneMasked = phone is null ? null : Contacts.MaskPhone(phone),
            PhoneSealed = personal.Seal(phone),
            PhoneDigest = digest,
            FollowUpKeyHash = key is null ? null : TrackingCodes.HashKey(key),
            Status = ComplaintStatus.Received,
            AcceptBy = ComplaintClock.AcceptBy(cal, today),
            VerifyBy = f.Kind == ComplaintKind.Report ? ComplaintClock.VerifyBy(cal, today) : null,
            VerifyFrom = f.Kind == ComplaintKind.Report ? today : null,
            LocalReplyBy = ComplaintClock.LocalReplyBy(cal, today, options.Value.LocalReplyWorkingDays),
            UpdatedAtUtc = nowUtc,
        };
        return (complaint, key, facts.CountyName);
    }

    private sealed record IntakeFacts(string CountyName, bool DuplicateTicket, int PhoneFilingsToday);

    /// <summary>The deepest region under <paramref name="within"/> whose name the address contains (a county, then a town), else <paramref name="within"/>.</summary>
    private async Task<string> RegionFromAddressAsync(string within, string? address, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return within;
        }

        var prefix = RegionCode.Prefix(within);
        var names = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix) && r.Code != within).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        return names.Where(r => r.Name.Length >= 2 && address.Contains(r.Name, StringComparison.Ordinal))
            .OrderByDescending(r => RegionCode.Prefix(r.Code).Length).ThenByDescending(r => r.Name.Length).Select(r => r.Code).FirstOrDefault() ?? within;
    }

    public static string ChannelText(ComplaintChannel c) => c switch
    {
        ComplaintChannel.Web => "网上投诉举报",
        ComplaintChannel.Whistleblower => "内部人员举报",
        ComplaintChannel.Hotline12315 => "12315 热线",
        ComplaintChannel.Hotline12345 => "12345 热线",
        ComplaintChannel.Hotline12331 => "12331 热线",
        ComplaintChannel.Open311 => "Open311 接入",
        _ => "窗口、来信",
    };
}
