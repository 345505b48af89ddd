using Shian.Governance.Import;

namespace Shian.Governance;

internal static class GovernanceModule
{
    public static WebApplicationBuilder AddGovernance(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlanImport>();
        builder.Services.AddScoped<GovernanceQueries>();
        builder.Services.AddScoped<Tracking>();
        builder.Services.AddScoped<Supervision>();
        builder.Services.AddScoped<AssessmentService>();
        builder.Services.AddScoped<GovernanceDaily>();
        builder.Services.AddOptions<GovernanceOptions>().BindConfiguration(GovernanceOptions.Section);
        if (builder.Configuration.GetValue("Governance:DailyJob", true))
        {
            builder.Services.AddHostedService<GovernanceDailyJob>();
        }
        return builder;
    }

    public static WebApplication MapGovernance(this WebApplication app)
    {
        app.MapGovernanceApi();
        app.MapIncognitoChecksApi();
        app.MapAssessmentsApi();
        return app;
    }
}
