using Shian.Kernel.Scoping;
using Shian.Kernel.Users;
using Shian.Programmes.Contracts;

namespace Shian.Programmes;

/// <summary>
/// 社会共治 programmes the seeds count: the volunteer team and publicity activities, as records that compute the
/// indicators 志愿者人数, 志愿者培训率 and 每月科普宣传活动场次 (through <see cref="ProgrammeMeasures"/>).
/// </summary>
internal static class ProgrammesModule
{
    public static WebApplicationBuilder AddProgrammes(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProgrammeRecords>();
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, ProgrammeMeasures>();
        return builder;
    }

    public static WebApplication MapProgrammes(this WebApplication app)
    {
        var v = app.MapGroup("/api/v1/programmes/volunteers").WithTags("Programmes 社会共治").Regulated("volunteers");
        v.MapGet("/", async (string? regionCode, ProgrammeRecords records, CancellationToken ct) =>
            TypedResults.Ok((await records.VolunteersAsync(regionCode, 500, ct)).Select(x => new { x.Id, x.RegionCode, x.Name, x.Organisation, x.RegisteredOn, x.TrainedOn, x.LeftOn })))
            .Requires(ProgrammesPermissions.Read).WithSummary("本辖区食品安全志愿者（在册与已退出，最近 500 名）");
        v.MapPost("/", async (ProgrammeRecords.VolunteerInput input, ProgrammeRecords records, CancellationToken ct) =>
        {
            var x = await records.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/v1/programmes/volunteers/{x.Id}", new { x.Id, x.RegionCode, x.Name });
        }).Requires(ProgrammesPermissions.Record).WithSummary("登记志愿者入队（可同时登记培训日期）");
        v.MapPost("/{id:guid}/trained", async (Guid id, ProgrammeRecords.DateInput input, ProgrammeRecords records, CancellationToken ct) =>
        {
            var x = await records.TrainedAsync(id, input, ct);
            return TypedResults.Ok(new { x.Id, x.TrainedOn });
        }).Requires(ProgrammesPermissions.Record).WithSummary("登记志愿者完成培训");
        v.MapPost("/{id:guid}/left", async (Guid id, ProgrammeRecords.DateInput input, ProgrammeRecords records, CancellationToken ct) =>
        {
            var x = await records.LeftAsync(id, input, ct);
            return TypedResults.Ok(new { x.Id, x.LeftOn });
        }).Requires(ProgrammesPermissions.Record).WithSummary("登记志愿者退出（不再计入人数）");

        var a = app.MapGroup("/api/v1/programmes/publicity").WithTags("Programmes 社会共治").Regulated("publicity");
        a.MapGet("/", async (string? regionCode, ProgrammeRecords records, CancellationToken ct) =>
            TypedResults.Ok((await records.ActivitiesAsync(regionCode, 500, ct)).Select(x => new { x.Id, x.RegionCode, kind = x.Kind.ToString(), x.Title, x.HeldOn, x.Place, x.Participants, x.Evidence })))
            .Requires(ProgrammesPermissions.Read).WithSummary("本辖区科普宣传活动（最近 500 场）");
        a.MapPost("/", async (ProgrammeRecords.ActivityInput input, ProgrammeRecords records, CancellationToken ct) =>
        {
            var x = await records.RecordAsync(input, ct);
            return TypedResults.Created($"/api/v1/programmes/publicity/{x.Id}", new { x.Id, x.RegionCode, x.Title });
        }).Requires(ProgrammesPermissions.Record).WithSummary("登记科普宣传活动（宣传周、“五进”、讲座、媒体），附佐证");

        var t = app.MapGroup("/api/v1/programmes/training").WithTags("Programmes 社会共治").Regulated("training");
        t.MapGet("/", async (string? regionCode, ProgrammeRecords records, CancellationToken ct) =>
        {
            var sessions = await records.TrainingsAsync(regionCode, 500, ct);
            var attendance = await records.AttendanceAsync([.. sessions.Select(s => s.Id)], ct);
            return TypedResults.Ok(sessions.Select(x => new { x.Id, x.RegionCode, x.Title, x.HeldOn, x.Hours, x.Evidence, attendees = attendance.GetValueOrDefault(x.Id) }));
        }).Requires(ProgrammesPermissions.Read).WithSummary("本辖区监管人员培训（最近 500 次，含参训人数）");
        t.MapPost("/", async (ProgrammeRecords.TrainingInput input, ProgrammeRecords records, CancellationToken ct) =>
        {
            var x = await records.TrainAsync(input, ct);
            return TypedResults.Created($"/api/v1/programmes/training/{x.Id}", new { x.Id, x.RegionCode, x.Title, x.Hours });
        }).Requires(ProgrammesPermissions.Record).WithSummary("登记监管人员培训：日期、学时、佐证和参训的监管人员/检查员账号（用户名）");
        return app;
    }
}
