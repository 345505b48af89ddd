using Shian.Kernel;
using Shian.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddKernel();
builder.AddShianWeb();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapKernel();
app.MapShianWeb();

app.Run();

/// <summary>Entry point; public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
