using Shian.Governance.Import;

namespace Shian.Governance;

internal static class GovernanceModule
{
    public static WebApplicationBuilder AddGovernance(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlanImport>();
        builder.Services.AddScoped<GovernanceQueries>();
        return builder;
    }

    public static WebApplication MapGovernance(this WebApplication app)
    {
        app.MapGovernanceApi();
        return app;
    }
}
