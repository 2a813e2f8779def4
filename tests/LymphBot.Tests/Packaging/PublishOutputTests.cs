using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Packaging;

/// <summary>The publish output is complete: run from its own folder it behaves exactly like <c>dotnet run</c>.</summary>
public sealed class PublishOutputTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    [Fact]
    public void Output_CarriesTheOneAppSettingsFile()
    {
        Assert.True(File.Exists(app.Assembly));
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.json")),
            File.ReadAllText(Path.Combine(app.Folder, "appsettings.json")));
    }

    [Fact]
    public async Task PublishedApp_CarriesKnowledge_AndAnswersWithNothingBesideIt()
    {
        using var work = new TempDirectory();

        var result = await LymphBotProcess.RunAsync(["ask", "--json", "what is lymphatic massage"], workingDirectory: work.Path, assemblyPath: app.Assembly);

        Assert.True(Directory.Exists(Path.Combine(app.Folder, "knowledge", "entries")));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"kind\":\"answer\"", result.StandardOutput, StringComparison.Ordinal);
        var check = await LymphBotProcess.RunAsync(["kb", "check"], workingDirectory: work.Path, assemblyPath: app.Assembly);
        Assert.Contains(Path.Combine(app.Folder, "knowledge"), check.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedApp_FromAnotherFolder_ChatsLikeDotnetRun()
    {
        using var work = new TempDirectory();

        var published = await LymphBotProcess.RunAsync([], "/start\n/help\n/nonsense\nwhat is mld\n", work.Path, assemblyPath: app.Assembly);
        var fromSource = await LymphBotProcess.RunAsync([], "/start\n/help\n/nonsense\nwhat is mld\n", work.Path);

        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.Equal(fromSource.StandardOutput, published.StandardOutput);
        Assert.True(File.Exists(Path.Combine(work.Path, "data", "lymphbot.db")));
    }
}
