using Microsoft.Extensions.Options;
using Shian.Kernel.Jobs;

namespace Shian.Emergencies;

internal static class EmergenciesModule
{
    public static WebApplicationBuilder AddEmergencies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmergenciesOptions>().Bind(builder.Configuration.GetSection(EmergenciesOptions.Section))
            .Validate(o => !o.Grading.Problems().Any() && !o.Reporting.Problems().Any() && !o.Opinion.Problems().Any() && !o.Preparedness.Problems().Any() && o.MaxPhotos is >= 0 and <= 20,
                "Emergencies 配置有误：分级标准、报告时限或舆情时限不在允许范围（见 docs/operations.md）")
            .ValidateOnStart();
        builder.Services.AddScoped<Incidents>();
        builder.Services.AddScoped<IncidentQueries>();
        builder.Services.AddScoped<ReportingNetwork>();
        builder.Services.AddScoped<OpinionMatchers>();
        builder.Services.AddSingleton<OpinionMatcherGeneration>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Registry.Contracts.BusinessChanged>, OpinionMatcherEvents>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Registry.Contracts.RegisterImported>, OpinionMatcherEvents>();
        builder.Services.AddScoped<OpinionIntake>();
        builder.Services.AddScoped<OpinionDesk>();
        builder.Services.AddScoped<Kernel.Events.IDomainEventHandler<Enforcement.Contracts.CaseClueDecided>>(sp => sp.GetRequiredService<OpinionDesk>());
        builder.Services.AddScoped<OpinionFeeds>();
        builder.Services.AddScoped<OpinionQueries>();
        builder.Services.AddScoped<Preparedness>();
        builder.Services.AddScoped<ZeroReporting>();
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, EmergencyMeasures>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, ZeroReportWorkbench>();
        builder.Services.AddRecurringJob<ZeroReportCheckJob>(ZeroReportCheckJob.Key, "0 5 * * * ?");
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, PreparednessWorkbench>();
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, OpinionWorkbench>();
        var allowPrivate = builder.Configuration.GetValue("Emergencies:Opinion:AllowPrivateFeedHosts", false);
        builder.Services.AddHttpClient(OpinionFeeds.HttpClientName, c =>
            {
                c.Timeout = TimeSpan.FromSeconds(20);
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Shian-Opinion/1.0 (+https://github.com/shian)");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 3,
                // A feed is fetched by the server: refuse addresses of this machine and private networks (SSRF), checked
                // on the address actually connected to (after DNS and after each redirect).
                ConnectCallback = async (context, ct) =>
                {
                    var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
                    var target = addresses.FirstOrDefault(a => allowPrivate || OpinionFeeds.IsPublic(a))
                                 ?? throw new HttpRequestException($"订阅地址 {context.DnsEndPoint.Host} 指向本机或内网，已拒绝");
                    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        await socket.ConnectAsync(target, context.DnsEndPoint.Port, ct);
                        return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            });
        if (builder.Configuration.GetValue("Emergencies:Opinion:FetchJob", true))
        {
            builder.Services.AddRecurringJob<OpinionFetchJob>(OpinionFetchJob.Key, "0 0/30 * * * ?");
        }
        builder.Services.AddScoped<Kernel.Workbench.IWorkbenchSource, EmergenciesWorkbench>();
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.EmergenciesDemoSeeder>();
        builder.Services.AddScoped<Kernel.Users.IDemoDataSeeder, Demo.OpinionDemoSeeder>();
        return builder;
    }

    public static WebApplication MapEmergencies(this WebApplication app)
    {
        app.MapEmergenciesApi();
        app.MapOpinionApi();
        app.MapPreparednessApi();
        app.MapZeroReportApi();
        return app;
    }
}
