using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Shian.Kernel.Users;

namespace Shian.Web;

/// <summary>
/// Checks a page handler's permissions: the page model's <see cref="RequiresAttribute"/>s (every handler) and the
/// handler method's own. Razor Pages has no per-handler [Authorize], hence this filter. A page that declares neither
/// a permission nor [AllowAnonymous] is refused (closed by default); the role matrix test names it.
/// </summary>
internal sealed class PermissionPageFilter(ILogger<PermissionPageFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            await next();
            return;
        }

        var required = Required(context.HandlerInstance.GetType(), context.HandlerMethod?.MethodInfo);
        var user = context.HttpContext.User;
        if (required.Count == 0)
        {
            logger.LogError("Page {Page} declares no permission: refused", context.ActionDescriptor.ViewEnginePath);
        }

        if (required.Count == 0 || required.Any(p => !user.Grants(p)))
        {
            await Kernel.Audit.AccessAudit.RecordDenialAsync(context.HttpContext, required);
            context.Result = user.Identity?.IsAuthenticated == true ? new ForbidResult() : new ChallengeResult();
            return;
        }

        await next();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, MethodInfo?), IReadOnlyList<string>> Cache = new();

    /// <summary>The permissions a page handler requires (the model's and the method's); read once per handler.</summary>
    public static IReadOnlyList<string> Required(Type model, MethodInfo? handler) => Cache.GetOrAdd((model, handler), key =>
        [.. key.Item1.GetCustomAttributes<RequiresAttribute>(true).Concat(key.Item2?.GetCustomAttributes<RequiresAttribute>() ?? []).Select(a => a.Permission).Distinct()]);
}
