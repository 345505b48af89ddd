using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Shian.Kernel.Errors;

/// <summary>Maps <see cref="ShianProblemException"/> and bad requests to ProblemDetails with a stable code.</summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails details = exception switch
        {
            ShianProblemException e => e.Errors is null
                ? new ProblemDetails { Status = e.Status, Title = e.Title, Detail = e.Message }
                : new ValidationProblemDetails(e.Errors.ToDictionary(k => k.Key, k => k.Value)) { Status = e.Status, Title = e.Title, Detail = e.Message },
            BadHttpRequestException e => BadRequest(e),
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "服务器内部错误", Detail = "请求处理失败，请稍后重试或联系管理员。" },
        };
        if (exception is ShianProblemException { Extensions: { } more })
        {
            foreach (var (key, value) in more)
            {
                details.Extensions[key] = value;
            }
        }

        details.Extensions["code"] = exception switch
        {
            ShianProblemException e => e.Code,
            BadHttpRequestException => "request.malformed",
            _ => "server.error",
        };
        httpContext.Response.StatusCode = details.Status ?? 500;
        if (details.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>
    /// A request the framework could not read, in Chinese and naming the field: minimal APIs describe these in English
    /// (a JSON value of the wrong type, a missing parameter, a wrong content type), and the user sees Chinese only.
    /// </summary>
    internal static ProblemDetails BadRequest(BadHttpRequestException e)
    {
        var (field, message) = e.InnerException is System.Text.Json.JsonException json ? FromJson(json) : FromMessage(e.Message);
        var status = e.StatusCode == StatusCodes.Status415UnsupportedMediaType ? e.StatusCode : StatusCodes.Status400BadRequest;
        return field is null
            ? new ProblemDetails { Status = status, Title = "请求格式有误", Detail = message }
            : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = "请求格式有误", Detail = $"{field}：{message}" };
    }

    private static (string? Field, string Message) FromJson(System.Text.Json.JsonException json)
    {
        var field = json.Path is null or "$" ? null : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path.TrimStart('$');
        if (json.Message.StartsWith('“'))
        {
            return (field, json.Message); // StrictEnums: already Chinese, with the choices
        }

        if (ConvertedTo().Match(json.Message) is { Success: true } m && field is not null)
        {
            return (field, $"取值格式不正确，应为{Expected(TargetType(m.Groups[1].Value, field))}");
        }

        return (field, $"请求正文不是有效的 JSON（第 {(json.LineNumber ?? 0) + 1} 行，第 {(json.BytePositionInLine ?? 0) + 1} 个字节附近）");
    }

    /// <summary>
    /// The type the value should have had. System.Text.Json names the value's type, except for records read through
    /// their constructor, where it names the record: then the field's property on it.
    /// </summary>
    private static Type? TargetType(string typeName, string field)
    {
        var type = Type.GetType(typeName) ?? typeof(ProblemDetailsExceptionHandler).Assembly.GetType(typeName);
        if (type is null || type.Namespace?.StartsWith("Shian", StringComparison.Ordinal) != true || type.IsEnum)
        {
            return type;
        }

        var property = type.GetProperty(field.Split('.')[^1], System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
        return property?.PropertyType;
    }

    private static string Expected(Type? type) => (type is null ? null : Nullable.GetUnderlyingType(type) ?? type) switch
    {
        null => "正确的类型",
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) => "整数",
        var t when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "数字",
        var t when t == typeof(DateOnly) => "日期（如 2026-11-26）",
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => "日期时间（ISO 8601）",
        var t when t == typeof(Guid) => "标识（GUID）",
        var t when t == typeof(bool) => "true 或 false",
        var t when t == typeof(string) => "文字",
        var t when t.IsEnum => "名称，" + StrictEnums.Choices(t),
        var t when t.IsAssignableTo(typeof(System.Collections.IDictionary)) || t.Name.Contains("Dictionary", StringComparison.Ordinal) => "对象",
        var t when t.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "数组",
        _ => "对象",
    };

    private static (string? Field, string Message) FromMessage(string message) => message switch
    {
        _ when RequiredParameter().Match(message) is { Success: true } m => (m.Groups[1].Value, "缺少此参数"),
        _ when FailedToBind().Match(message) is { Success: true } m => (m.Groups[1].Value, $"“{m.Groups[2].Value}”不是有效的取值"),
        _ when message.Contains("no body was provided", StringComparison.Ordinal) => (null, "缺少请求正文（JSON）"),
        _ when message.Contains("JSON media type", StringComparison.Ordinal) => (null, "请求正文须为 JSON（Content-Type: application/json）"),
        _ when message.Contains("form media type", StringComparison.Ordinal) || message.Contains("form", StringComparison.OrdinalIgnoreCase) => (null, "请求须为表单（multipart/form-data）"),
        _ => (null, "请求格式有误，无法读取"),
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"converted to (.+?)\. Path")]
    private static partial System.Text.RegularExpressions.Regex ConvertedTo();

    [System.Text.RegularExpressions.GeneratedRegex(@"Required parameter ""\S+ (\w+)"" was not provided")]
    private static partial System.Text.RegularExpressions.Regex RequiredParameter();

    [System.Text.RegularExpressions.GeneratedRegex(@"Failed to bind parameter ""\S+ (\w+)"" from ""(.*)""")]
    private static partial System.Text.RegularExpressions.Regex FailedToBind();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
