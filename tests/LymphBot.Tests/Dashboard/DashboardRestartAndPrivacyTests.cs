using System.Net;
using LymphBot.Core.Chat;
using LymphBot.Core.Privacy;
using LymphBot.Testing.Chat;
using Microsoft.Data.Sqlite;

namespace LymphBot.Tests.Dashboard;

/// <summary>What outlives a restart (the session and the forms of open pages), and what /forgetme takes with it.</summary>
public sealed class DashboardRestartAndPrivacyTests
{
    [Fact]
    public async Task Restart_KeepsTheSession_AndTheFormsOfPagesOpenBeforeIt()
    {
        await using var host = await DashboardHost.StartAsync();
        using var before = await host.SignInAsync(await host.LinkForAdminAsync());
        var page = await before.GetAsync("/dashboard");

        await host.RestartAsync();
        using var after = before.WithCookiesAt(host.BaseAddress);

        var overview = await after.GetAsync("/dashboard");
        var signOut = await after.SubmitAsync(page, "/dashboard/sign-out");

        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Equal(HttpStatusCode.OK, signOut.Status);
        Assert.Contains("You are signed out", signOut.Text, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "dashboard-keys"), "key-*.xml"));
    }

    [Fact]
    public async Task ForgetMe_EndsTheMembersSessions_AndVoidsTheirLinks_OthersStay()
    {
        await using var host = await DashboardHost.StartAsync();
        using var mo = await host.SignInAsync(await host.LinkForAdminAsync(userId: "7", name: "Mo"));
        var unused = await host.LinkForAdminAsync(userId: "7", name: "Mo");
        using var al = await host.SignInAsync(await host.LinkForAdminAsync(userId: "8", name: "Al"));

        var done = await host.SayAsync(new IncomingMessage(
            new ChatAddress(RecordingPlatform.PlatformName, "7"), new ChatUser(RecordingPlatform.PlatformName, "7", "Mo"), string.Empty, ButtonData: ForgetMeCommand.ConfirmData));

        Assert.StartsWith("Done", done, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await mo.GetAsync("/dashboard")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await mo.GetAsync(unused.PathAndQuery)).Status);
        Assert.Equal(HttpStatusCode.OK, (await al.GetAsync("/dashboard")).Status);
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        foreach (var table in new[] { "dashboard_links", "dashboard_sessions" })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM {table} WHERE user_id = '7'";
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }
    }
}
