using Shian.Kernel;

var builder = WebApplication.CreateBuilder(args);
builder.AddKernel();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapKernel();
app.MapGet("/", () => TypedResults.Text("食安云 Shian 正在运行。/health 检查状态；/api/v1 为接口。", "text/plain; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();

app.Run();

/// <summary>Entry point; public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
