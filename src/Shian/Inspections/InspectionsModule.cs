namespace Shian.Inspections;

internal static class InspectionsModule
{
    public static WebApplicationBuilder AddInspections(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, InspectionMeasures>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, InspectionsWorkbench>();
        builder.Services.AddScoped<Draws>();
        builder.Services.AddScoped<ChecklistBook>();
        builder.Services.AddScoped<Kernel.Reference.IReferenceDataSeeder, ChecklistSeeder>();
        builder.Services.AddScoped<Kernel.Public.IPublicSection, PublicLookupSection>();
        builder.Services.AddScoped<Kernel.Public.IPublicSection, PublicDrawsSection>();
        Kernel.Jobs.JobsSetup.AddOnDemandJob<DrawVerificationJob>(builder.Services, DrawVerificationJob.Key);
        builder.Services.AddScoped<Checks>();
        builder.Services.AddScoped<ResultPublication>();
        builder.Services.AddScoped<ResultReplies>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Kernel.Calendar.HolidayNoticeImported>, InspectionDeadlines>();
        builder.Services.AddScoped<Coverage>();
        builder.Services.AddScoped<VisitPlans>();
        builder.Services.AddScoped<PlanReport>();
        builder.Services.AddScoped<Shian.Registry.Contracts.IBusinessProfileSection, BusinessInspectionsSection>();
        builder.Services.AddScoped<Shian.Registry.Contracts.IPublicBusinessSection, PublicBusinessInspections>();
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.InspectionsDemoSeeder>();
        builder.Services.AddScoped<Shian.Registry.Contracts.IBusinessPortalSection, BusinessPortalInspections>();
        builder.Services.AddScoped<Shian.Risk.Contracts.IRiskEvidenceSource, InspectionEvidence>();
        return builder;
    }

    public static WebApplication MapInspections(this WebApplication app)
    {
        app.MapInspectionsApi();
        return app;
    }
}
