using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Errors;
using Shian.Kernel.Scoping;
using Shian.Registry.Contracts;
using Shian.Registry.Domain;
using Shian.Registry.Rules;

namespace Shian.Registry.Import;

/// <summary>The live progress of imports running on this instance, and their completion (the job row holds the phase).</summary>
public sealed class RegistryImportQueue
{
    // One small entry per import started on this instance (imports are rare); kept so a late waiter still returns.
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _done = new();

    public ConcurrentDictionary<Guid, (int Processed, int Total)> Progress { get; } = new();

    /// <summary>Completes when this instance has finished running the job (completed or failed).</summary>
    public Task WhenDoneAsync(Guid id, CancellationToken ct) => Completion(id).Task.WaitAsync(ct);

    internal void MarkDone(Guid id) => Completion(id).TrySetResult();

    private TaskCompletionSource Completion(Guid id) => _done.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>
/// Bulk import of the register: the upload is kept in a work folder, a job row is queued; the worker validates every
/// row (fields, duplicates in the file and against the register, the user's regions), then writes all rows in one
/// transaction — or, if any row is wrong, nothing, listing the errors by row and column.
/// </summary>
public sealed partial class RegistryImport(ShianDb db, RegistryImportQueue queue, Kernel.Events.DomainEvents events, Quartz.ISchedulerFactory schedulers, IConfiguration configuration, IOptions<ShianOptions> shian, TimeProvider clock, Kernel.Privacy.PersonalData personal, Credit.Contracts.IBarredPersons barred, ILogger<RegistryImport> logger)
{
    public const int MaxErrorsListed = 200;
    public const long MaxBytes = 100L * 1024 * 1024;

    public sealed record ImportError(int Row, string Column, string Message);

    /// <summary>Where uploads wait for the job: under the data folder, which instances share (docs/operations.md).</summary>
    public string WorkFolder => configuration["Registry:ImportFolder"] is { Length: > 0 } f ? f : Path.Combine(shian.Value.DataDirFullPath, "imports");

    /// <summary>Checks the file's type and header now (a clear answer at once), then queues the rows for the worker.</summary>
    public async Task<BusinessImport> StartAsync(string fileName, Stream content, CancellationToken ct)
    {
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw ShianProblemException.Invalid("registry.import-type", "请上传 .xlsx 格式的经营者名录（可先下载模板）");
        }

        Kernel.Privacy.PrivateFiles.CreateFolder(WorkFolder);
        var id = Guid.CreateVersion7();
        var path = Path.Combine(WorkFolder, id + ".xlsx");
        string hash;
        await using (var file = Kernel.Privacy.PrivateFiles.Create(path))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > MaxBytes)
                {
                    file.Close();
                    File.Delete(path);
                    throw new ShianProblemException(StatusCodes.Status413PayloadTooLarge, "registry.import-too-large", "文件过大", "名录文件不能超过 100 MB。");
                }

                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        IReadOnlyList<string> headerProblems;
        try
        {
            await using var read = File.OpenRead(path);
            if (Kernel.Reference.OfficePackages.Problem(read) is { } problem)
            {
                File.Delete(path);
                throw ShianProblemException.Invalid("registry.import-unreadable", problem);
            }

            headerProblems = RegisterWorkbook.CheckHeader(RegisterWorkbook.Headers(read));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            File.Delete(path);
            throw ShianProblemException.Invalid("registry.import-unreadable", "文件无法读取：不是有效的 .xlsx 文件");
        }

        if (headerProblems.Count > 0)
        {
            File.Delete(path);
            throw ShianProblemException.Invalid("registry.import-header", "表头不符合名录模板：" + string.Join("；", headerProblems),
                new Dictionary<string, string[]> { ["file"] = [.. headerProblems] });
        }

        var scope = db.Request.Scope;
        var job = new BusinessImport
        {
            Id = id, FileName = Path.GetFileName(fileName), Sha256 = hash, Status = ImportStatus.Queued, CreatedBy = db.Request.UserName,
            CreatedById = db.Request.UserId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, ScopeUnrestricted = scope.Unrestricted,
            ScopePrefixes = string.Join(',', scope.Prefixes),
        };
        db.BusinessImports.Add(job);
        await db.SaveChangesAsync(ct);
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(new Quartz.JobKey(RegistryImportJob.Key), new Quartz.JobDataMap { [RegistryImportJob.ImportId] = job.Id.ToString() }, ct);
        return job;
    }

    /// <summary>Runs a queued job (called by the worker in a scope acting for the job's user).</summary>
    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        var job = await db.BusinessImports.SingleAsync(j => j.Id == id, ct);
        var path = Path.Combine(WorkFolder, id + ".xlsx");
        try
        {
            job.Status = ImportStatus.Validating;
            await db.SaveChangesAsync(ct);
            var (valid, errors, total) = await ValidateAsync(id, path, ct);
            job.Total = total;
            if (errors.Count > 0)
            {
                Fail(job, errors, $"有 {errors.Count} 处错误，未导入任何数据");
                await db.SaveChangesAsync(ct);
                return;
            }

            if (valid.Count == 0)
            {
                Fail(job, [], "文件中没有数据行，未导入任何数据");
                await db.SaveChangesAsync(ct);
                return;
            }

            job.Status = ImportStatus.Writing;
            job.Processed = 0;
            await db.SaveChangesAsync(ct);
            await RegistryService.AddManyAsync(db, personal, valid, id, clock.GetUtcNow().UtcDateTime, written => queue.Progress[id] = (written, valid.Count), ct);
            db.ChangeTracker.Clear();
            job = await db.BusinessImports.SingleAsync(j => j.Id == id, ct);
            job.Status = ImportStatus.Completed;
            job.Processed = total;
            job.Imported = valid.Count;
            job.Message = $"已导入 {valid.Count} 户经营者";
            job.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            events.Raise(new Contracts.RegisterImported(id, valid.Count));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, id);
            db.ChangeTracker.Clear();
            job = await db.BusinessImports.SingleAsync(j => j.Id == id, CancellationToken.None);
            Fail(job, [], e is InvalidDataException or System.Xml.XmlException ? "文件无法读取：不是有效的 .xlsx 文件，未导入任何数据" : "导入失败，未导入任何数据（详见服务日志）");
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            queue.Progress.TryRemove(id, out _);
            File.Delete(path);
        }
    }

    private void Fail(BusinessImport job, IReadOnlyList<ImportError> errors, string message)
    {
        job.Status = ImportStatus.Failed;
        job.ErrorCount = errors.Count;
        job.ErrorsJson = JsonSerializer.Serialize(errors.Take(MaxErrorsListed), JsonSerializerOptions.Web);
        job.Message = message;
        job.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    private async Task<(List<ValidBusiness> Valid, List<ImportError> Errors, int Total)> ValidateAsync(Guid id, string path, CancellationToken ct)
    {
        var regions = (await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        var scope = db.Request.Scope;
        var valid = new List<ValidBusiness>();
        var rowsOf = new List<int>();
        var errors = new List<ImportError>();
        var usccRows = new Dictionary<string, int>();
        var licenceRows = new Dictionary<(LicenceKind, string), int>();
        var total = 0;
        await using (var stream = File.OpenRead(path))
        {
            foreach (var row in RegisterWorkbook.Rows(stream))
            {
                total++;
                if (total % 1000 == 0)
                {
                    queue.Progress[id] = (total, 0);
                }

                errors.AddRange(row.CellErrors.Select(e => new ImportError(row.RowNumber, e.Column, e.Message)));
                var (v, fieldErrors) = BusinessValidation.Validate(row.Input, regions.Contains);
                errors.AddRange(fieldErrors.Select(e => new ImportError(row.RowNumber, BusinessValidation.ColumnOf(e.Key), e.Value[0])));
                if (v is null)
                {
                    continue;
                }

                if (!scope.AllowsCreateIn(v.RegionCode))
                {
                    errors.Add(new ImportError(row.RowNumber, "区划代码", $"区划 {v.RegionCode} 不在您的管辖范围内"));
                    continue;
                }

                if (v.Uscc is not null && !usccRows.TryAdd(v.Uscc, row.RowNumber))
                {
                    errors.Add(new ImportError(row.RowNumber, "统一社会信用代码", $"与第 {usccRows[v.Uscc]} 行重复"));
                    continue;
                }

                if (v.Licence is { } l && !licenceRows.TryAdd((l.Kind, l.Number), row.RowNumber))
                {
                    errors.Add(new ImportError(row.RowNumber, "许可证编号", $"与第 {licenceRows[(l.Kind, l.Number)]} 行重复"));
                    continue;
                }

                valid.Add(v);
                rowsOf.Add(row.RowNumber);
            }
        }

        // Against the register (all regions: a USCC is registered once; reviewed — only existence is read).
        foreach (var chunk in usccRows.Keys.Chunk(500))
        {
            foreach (var existing in await db.Businesses.IgnoreQueryFilters([RegionScope.FilterName]).Where(b => chunk.Contains(b.Uscc!)).Select(b => b.Uscc!).ToListAsync(ct))
            {
                errors.Add(new ImportError(usccRows[existing], "统一社会信用代码", $"{existing} 已在名录中登记"));
            }
        }

        foreach (var group in licenceRows.Keys.GroupBy(k => k.Item1))
        {
            foreach (var chunk in group.Select(k => k.Item2).Chunk(500))
            {
                var kind = group.Key;
                foreach (var existing in await db.Licences.IgnoreQueryFilters([RegionScope.FilterName]).Where(l => l.Kind == kind && chunk.Contains(l.Number)).Select(l => l.Number).ToListAsync(ct))
                {
                    errors.Add(new ImportError(licenceRows[(kind, existing)], "许可证编号", $"{existing} 已在名录中登记"));
                }
            }
        }

        // Against the 违法犯罪人员信息库 (《食品安全法》第一百三十五条): a barred 食品安全管理员 refuses the row.
        var persons = valid.Select((v, i) => (Id: v.ResponsiblePersonId, Row: rowsOf[i])).Where(p => p.Id is not null).ToList();
        var barredHits = await barred.FindManyAsync(persons.Select(p => p.Id!).ToList(), Kernel.Calendar.ChinaTime.Today(clock), ct);
        foreach (var (person, rowNumber) in persons.Where(p => barredHits.ContainsKey(p.Id!)))
        {
            errors.Add(new ImportError(rowNumber, BusinessValidation.ColumnOf("responsiblePersonId"), barredHits[person!].Refusal));
        }

        errors.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : string.CompareOrdinal(a.Column, b.Column));
        return (valid, errors, total);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Register import {Id} failed")]
    private static partial void LogFailed(ILogger logger, Exception e, Guid id);
}

/// <summary>
/// Runs one import (Quartz: one at a time across instances; re-run on another instance if the one running it dies —
/// the import writes in one transaction, so a re-run starts clean), in a scope acting for the user who started it.
/// </summary>
internal sealed class RegistryImportJob(IServiceScopeFactory scopes, RegistryImportQueue queue, TimeProvider clock, ILogger<RegistryImportJob> logger) : Kernel.Jobs.ShianJob(scopes, clock, logger)
{
    public const string Key = "registry-import";
    public const string ImportId = "importId";

    protected override async Task<string> RunAsync(Quartz.IJobExecutionContext context, CancellationToken ct)
    {
        var id = context.MergedJobDataMap.TryGetValue(ImportId, out var value) && Guid.TryParse(value?.ToString(), out var parsed)
            ? parsed : throw new InvalidOperationException("importId missing");
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShianDb>();
            var job = await db.BusinessImports.AsNoTracking().SingleAsync(j => j.Id == id, ct);
            scope.ServiceProvider.GetRequiredService<IActOnBehalf>().ActFor(RegionScope.Restore(job.ScopeUnrestricted, job.ScopePrefixes.Split(',')), job.CreatedBy);
            await scope.ServiceProvider.GetRequiredService<RegistryImport>().RunAsync(id, ct);
            var done = await db.BusinessImports.AsNoTracking().SingleAsync(j => j.Id == id, ct);
            return $"{done.FileName}：{done.Message}";
        }
        finally
        {
            queue.MarkDone(id);
        }
    }
}
