using Microsoft.AspNetCore.Http;

namespace Shian.Kernel.Errors;

/// <summary>
/// Gives the framework's own error responses (401, 403, 404 from routing, 415 …) a Chinese title and a stable
/// <c>code</c>, like the errors Shian raises itself.
/// </summary>
internal static class ProblemDefaults
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var (code, title) = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ("request.invalid", "请求参数有误"),
            StatusCodes.Status401Unauthorized => ("auth.required", "请先登录"),
            StatusCodes.Status403Forbidden => ("auth.forbidden", "无权访问"),
            StatusCodes.Status404NotFound => ("http.not-found", "未找到"),
            StatusCodes.Status405MethodNotAllowed => ("http.method-not-allowed", "不支持的请求方法"),
            StatusCodes.Status413PayloadTooLarge => ("http.too-large", "请求内容过大"),
            StatusCodes.Status415UnsupportedMediaType => ("http.unsupported-media-type", "不支持的内容类型"),
            _ => ("http.error", problem.Title ?? "请求失败"),
        };
        problem.Extensions["code"] = code;
        problem.Title = title;
    }
}
