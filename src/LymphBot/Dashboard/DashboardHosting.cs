using LymphBot.Core.Dashboard;
using LymphBot.Core.Knowledge;
using LymphBot.Http;
using LymphBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LymphBot.Dashboard;

public static class DashboardHosting
{
    public const string SessionCookie = "lymphbot_session";
    public const string ForgeryCookie = "lymphbot_af";

    /// <summary>
    /// Adds the web dashboard (section <c>Dashboard</c>) and <c>/dashboard</c>, unless <c>Dashboard:Enabled</c> is
    /// false. Nothing is built at start: the pages, antiforgery and the stores wake on the first request.
    /// </summary>
    public static WebApplicationBuilder AddLymphBotDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(DashboardOptions.Section);
        builder.Services.AddOptions<DashboardOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        if (!section.GetValue(nameof(DashboardOptions.Enabled), true))
        {
            return builder;
        }

        builder.Services.AddOptions<HttpOptions>().Bind(builder.Configuration.GetSection(HttpOptions.Section));
        builder.Services.AddSingleton<SqlDashboardStore>();
        builder.Services.AddSingleton<SqlOverviewQuery>();
        builder.Services.AddSingleton<SqlDeliveryHealthQuery>();
        builder.Services.AddSingleton<SqlActiveMemberSnapshots>();
        builder.Services.AddHostedService<ActiveMemberSnapshotService>();
        builder.Services.AddSingleton<SqlGapInbox>();
        builder.Services.AddSingleton<DashboardVersions>();
        builder.Services.AddSingleton<OpenGaps>();
        builder.Services.AddSingleton<SqlAuditQuery>();
        builder.Services.AddSingleton<QuestionGroups>();
        builder.Services.AddSingleton<DashboardAudit>();
        builder.Services.AddSingleton<DashboardSignIn>();
        builder.Services.AddSingleton<IDashboardSignIn>(sp => sp.GetRequiredService<DashboardSignIn>());
        builder.Services.AddSingleton<SignInRateLimiter>();
        builder.Services.AddSingleton<ClientAddress>();
        builder.Services.AddDashboardCommand();
        // The antiforgery tokens are protected with these keys; kept in memory only, every restart would turn the
        // forms of every open page into "too old" errors. The folder is read when the first form is made.
        builder.Services.AddDashboardKeys(section);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ForgeryCookie;
            o.Cookie.Path = "/dashboard";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.DeferKeyRing();
        return builder;
    }

    /// <summary><c>Dashboard:KeysPath</c>, else <c>dashboard-keys</c> in the data folder (the SQLite file's, or <c>./data</c>).</summary>
    public static string KeysFolder(DashboardOptions dashboard, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(storage);
        if (dashboard.KeysPath is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var sqlite = storage.Provider == StorageProvider.Sqlite ? ProviderDrivers.SqliteFilePath(storage.EffectiveConnectionString) : ":memory:";
        var dataFolder = sqlite == ":memory:" ? Path.GetFullPath("data") : Path.GetDirectoryName(sqlite)!;
        return Path.Combine(dataFolder, "dashboard-keys");
    }

    /// <summary>
    /// Serves the dashboard's pages under <c>/dashboard</c> (see <see cref="DashboardEndpoints"/>) from a routing branch
    /// of their own, built on the first request there (<see cref="DashboardPipeline"/>).
    /// </summary>
    public static WebApplication MapLymphBotDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Enabled)
        {
            var pipeline = new DashboardPipeline(app);
            app.Use(pipeline.InvokeAsync);
        }

        return app;
    }
}
