using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Cli;

/// <summary>The built host run as a process, exactly as the README tells a user to run it.</summary>
public sealed class HostProcessTests
{
    [Fact]
    public async Task PipedStartHelpNonsense_PrintsGreetingCommandsAndError_ExitsZero()
    {
        using var work = new TempDirectory();

        var result = await LymphBotProcess.RunAsync([], "/start\n/help\n/nonsense\n", work.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Hi ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/help [command] — List my commands", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("I don't know the command /nonsense. Try /help.", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work.Path, "data", "lymphbot.db")), "SQLite database under ./data");

        // A clean stop flushes storage: the write-ahead log is folded into the database file.
        var log = new FileInfo(Path.Combine(work.Path, "data", "lymphbot.db-wal"));
        Assert.Equal(0, log.Exists ? log.Length : 0);
    }

    [Theory]
    [InlineData("lymphbot: unknown command 'frobnicate'", "frobnicate")]
    [InlineData("lymphbot: unknown option '--verbose'", "--verbose")]
    public async Task BadCommandLine_OneLineError_ExitCode2(string expected, params string[] args)
    {
        var result = await LymphBotProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Help_PrintsUsage_ExitsZero()
    {
        var result = await LymphBotProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("lymphbot ask", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:Provider = 'Mongo' is not valid: use one of Sqlite, Postgres.", "--Storage:Provider=Mongo")]
    [InlineData("Console:Enabled = 'maybe' is not valid: use true or false.", "--Console:Enabled=maybe")]
    [InlineData("ConnectionStrings:LymphBot is required when Storage:Provider is Postgres", "--Storage:Provider=Postgres", "--ConnectionStrings:LymphBot=")]
    public async Task BadConfiguration_OneLineNamingKeyValueAndAllowed_ExitCode2(string expected, params string[] args)
    {
        using var work = new TempDirectory();

        var result = await LymphBotProcess.RunAsync(args, string.Empty, work.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.StartsWith("lymphbot: configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLogFormatter_WritesOneJsonObjectPerLogLine_ToStandardError()
    {
        using var work = new TempDirectory();

        var result = await LymphBotProcess.RunAsync([], "/help\n", work.Path, new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => System.Text.Json.JsonDocument.Parse(l).Dispose());
        Assert.Contains(lines, l => l.Contains("\"Category\":\"LymphBot.Http.StartupSummary\"", StringComparison.Ordinal));
        Assert.DoesNotContain("{", result.StandardOutput.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLogs_WhileAnsweringAQuestion_CarryPlatformAndChatIdScope_AndNotTheQuestion()
    {
        using var work = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__LymphBot.Core.Knowledge"] = "Debug",
        };

        var result = await LymphBotProcess.RunAsync([], "what is lymphatic massage\n", work.Path, environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        var answered = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Single(l => l.GetProperty("Message").GetString()!.StartsWith("Question answered", StringComparison.Ordinal));
        var scope = Assert.Single(answered.GetProperty("Scopes").EnumerateArray());
        Assert.Equal(("console", "local"), (scope.GetProperty("Platform").GetString(), scope.GetProperty("ChatId").GetString()));
        Assert.DoesNotContain("lymphatic massage", answered.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BadConfiguration_FromEnvironment_IsReportedTheSameWay()
    {
        using var work = new TempDirectory();

        var result = await LymphBotProcess.RunAsync([], string.Empty, work.Path, new Dictionary<string, string> { ["Storage__Provider"] = "Oracle" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Storage:Provider = 'Oracle' is not valid", result.StandardError, StringComparison.Ordinal);
    }
}
