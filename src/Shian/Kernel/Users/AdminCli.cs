using Microsoft.AspNetCore.Identity;
using Shian.Data;

namespace Shian.Kernel.Users;

/// <summary>
/// <c>admin create USERNAME [--name 显示名] [--password-stdin]</c>: the first administrator of a fresh deployment
/// (Production starts with no users, and demo accounts are refused there). Migrates the database first, like the
/// server's start. Without <c>--password-stdin</c> a strong password is generated and shown once on the console
/// (never logged). Runs with the same configuration as the server (environment variables, appsettings).
/// </summary>
public static class AdminCli
{
    public static bool Handles(string[] args) => args is ["admin", "create", ..];

    public static async Task<int> RunAsync(IHost app, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var userName = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2].Trim() : null;
        if (string.IsNullOrEmpty(userName))
        {
            error.WriteLine("用法 Usage: admin create 用户名 [--name 显示名] [--password-stdin]");
            return 2;
        }

        var password = args.Contains("--password-stdin") ? input.ReadLine()?.Trim() : Accounts.GeneratePassword();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("未从标准输入读到密码 (no password on standard input)");
            return 2;
        }

        // The database and reference data as the server's start leaves them (migrations, roles).
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShianUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            error.WriteLine($"用户“{userName}”已存在，未作修改 (user exists; nothing changed)");
            return 1;
        }

        var user = new ShianUser
        {
            UserName = userName, DisplayName = Option("--name") ?? "系统管理员",
            CreatedAtUtc = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            error.WriteLine("未创建 (not created)：" + string.Join("；", created.Errors.Select(e => e.Description)));
            return 1;
        }

        var role = await users.AddToRoleAsync(user, ShianRoles.Admin);
        if (!role.Succeeded)
        {
            await users.DeleteAsync(user);
            error.WriteLine("未创建 (not created)：" + string.Join("；", role.Errors.Select(e => e.Description)));
            return 1;
        }

        output.WriteLine($"已创建系统管理员“{userName}” (administrator created).");
        if (!args.Contains("--password-stdin"))
        {
            output.WriteLine($"初始密码（只显示这一次，请登录后修改）Initial password (shown once): {password}");
        }

        return 0;
    }
}
