using Shian.Governance;
using Shian.Kernel;
using Shian.Registry;
using Shian.Risk;
using Shian.Inspections;
using Shian.Sampling;
using Shian.Complaints;
using Shian.Credit;
using Shian.Traceability;
using Shian.Enforcement;
using Shian.Emergencies;
using Shian.Indicators;
using Shian.Programmes;
using Shian.Bulletins;
using Shian.Surveys;
using Shian.Kernel.Users;
using Shian.Web;

// Command-line verbs run without the web host (e.g. `-- plan parse FILE --json`).
if (Shian.Governance.PlanCli.Handles(args))
{
    return Shian.Governance.PlanCli.Run(args, Console.Out, Console.Error);
}

if (Shian.Registry.Demo.DemoCli.Handles(args))
{
    return Shian.Registry.Demo.DemoCli.Run(args, Console.Out, Console.Error);
}

// `dotnet run --project src/Shian` in a source checkout (the working directory holds Shian.csproj) runs as
// Development — demo accounts on SQLite — unless an environment is set explicitly. A published deployment has no
// project file and stays Production. (No launch profile: its banner would spoil the CLI verbs' JSON output.)
var adminCommand = Shian.Kernel.Users.AdminCli.Handles(args);
var options = new WebApplicationOptions { Args = adminCommand ? [] : args };
if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null && Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is null
    && File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "Shian.csproj")))
{
    options = new WebApplicationOptions { Args = options.Args, EnvironmentName = Environments.Development };
}

var builder = WebApplication.CreateBuilder(options);
builder.AddKernel();
builder.AddGovernance();
builder.AddRegistry();
builder.AddRisk();
builder.AddInspections();
builder.AddSampling();
builder.AddComplaints();
builder.AddEnforcement();
builder.AddCredit();
builder.AddTraceability();
builder.AddEmergencies();
builder.AddIndicators();
builder.AddProgrammes();
builder.AddBulletins();
builder.AddSurveys();
builder.AddShianWeb();

if (adminCommand)
{
    builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning); // the command's own output only
}

var app = builder.Build();
if (adminCommand)
{
    return await Shian.Kernel.Users.AdminCli.RunAsync(app, args, Console.In, Console.Out, Console.Error);
}

app.UseShianForwardedHeaders();
app.UseExceptionHandler();
app.UseShianSecurityHeaders();
// API errors are problem+json; a page's 404 (or other error status) shows a Chinese page, not JSON.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
app.UseRouting(); // after the re-execution, so that /error/{code} is routed when a page's status is re-executed
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseAuthentication();
app.UseSessionStamps();
app.UseTwoFactorGate();
app.UseRateLimiter();
app.UseApiCookieGuard();
app.UseAuthorization();
app.MapKernel();
app.MapGovernance();
app.MapRegistry();
app.MapRisk();
app.MapInspections();
app.MapSampling();
app.MapComplaints();
app.MapEnforcement();
app.MapCredit();
app.MapTraceability();
app.MapEmergencies();
app.MapIndicators();
app.MapProgrammes();
app.MapBulletins();
app.MapSurveys();
app.MapShianWeb();

app.Run();
return 0;

/// <summary>Entry point; public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
