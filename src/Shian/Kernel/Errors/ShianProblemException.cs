namespace Shian.Kernel.Errors;

/// <summary>
/// An expected failure reported to the client as ProblemDetails with a Chinese title/detail and a stable
/// <c>code</c> extension (clients assert on the code, never on the wording).
/// </summary>
public class ShianProblemException(int status, string code, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Title { get; } = title;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>More members of the problem document (what the client needs to answer it, e.g. what was read of a file).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static ShianProblemException NotFound(string code, string detail) => new(StatusCodes.Status404NotFound, code, "未找到", detail);

    public static ShianProblemException Invalid(string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(StatusCodes.Status400BadRequest, code, "请求参数有误", detail, errors);

    /// <summary>403 for an act outside the caller's regions (code <c>scope.region-forbidden</c>); the detail says what.</summary>
    public static ShianProblemException RegionForbidden(string detail) => new(StatusCodes.Status403Forbidden, "scope.region-forbidden", "无权操作", detail);

    public static ShianProblemException Conflict(string code, string detail) => new(StatusCodes.Status409Conflict, code, "业务规则不满足", detail);
}
