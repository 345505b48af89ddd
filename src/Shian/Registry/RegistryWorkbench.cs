using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shian.Data;
using Shian.Kernel.Users;
using Shian.Kernel.Workbench;
using Shian.Registry.Contracts;
using Shian.Registry.Data;
using Shian.Registry.Domain;

namespace Shian.Registry;

/// <summary>工作台 to-dos of the register: valid licences expiring within 90 days or already expired (the register's "90 天内到期" list).</summary>
internal sealed class RegistryWorkbench(ShianDb db) : IWorkbenchSource
{
    public int Order => 40;

    public async Task<IReadOnlyList<ToDo>> ToDosAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        if (!user.Grants(RegistryPermissions.Licences))
        {
            return [];
        }

        var until = today.AddDays(RegistryService.ExpiringWithinDays);
        var dues = await db.Licences.AsNoTracking().Where(l => l.Status == LicenceStatus.Valid && l.ValidTo != null && l.ValidTo <= until).Select(l => l.ValidTo).ToListAsync(ct);
        return dues.Count == 0 ? [] : [WorkbenchToDos.Count("Todo.Licences", dues, today, "/registry?expiring=true")];
    }
}
