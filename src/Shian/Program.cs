using Shian.Governance;
using Shian.Kernel;
using Shian.Web;

// Command-line verbs run without the web host (e.g. `-- plan parse FILE --json`).
if (Shian.Governance.PlanCli.Handles(args))
{
    return Shian.Governance.PlanCli.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddKernel();
builder.AddGovernance();
builder.AddShianWeb();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapKernel();
app.MapGovernance();
app.MapShianWeb();

app.Run();
return 0;

/// <summary>Entry point; public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
