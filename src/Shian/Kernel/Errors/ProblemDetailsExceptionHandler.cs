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
            BadHttpRequestException e => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "请求格式有误", Detail = e.Message },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "服务器内部错误", Detail = "请求处理失败，请稍后重试或联系管理员。" },
        };
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
