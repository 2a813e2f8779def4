using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.ConsoleChat;

public sealed class ConsoleChatTests
{
    [Fact]
    public async Task PipedInput_StartHelpNonsense_GreetsListsAndExplains()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, "/start", "/help", "/nonsense");

        Assert.Equal(3, replies.Count);
        Assert.StartsWith("Hi ", replies[0], StringComparison.Ordinal);
        Assert.Contains("/start — Say hello", replies[1], StringComparison.Ordinal);
        Assert.Contains("/help [command]", replies[1], StringComparison.Ordinal);
        Assert.Equal("I don't know the command /nonsense. Try /help.", replies[2]);
        Assert.True(File.Exists(data.Combine("lymphbot.db")));
    }

    [Fact]
    public async Task BadInputBatch_EveryLineGetsAClearReply_AndHostKeepsRunning()
    {
        using var data = new TempDirectory();
        string[] bad =
        [
            string.Empty,
            "     ",
            new string('x', 10_000),
            "\u0001\u0002\u001b[31m\u0007",
            "/nonsense",
            "/",
            "/help too many arguments",
            "/help nosuchcommand",
            "/start unexpected extra",
            "**bold** <b>html</b> @everyone",
            "/help",
        ];

        var replies = await ConsoleSession.RunAsync(data, bad);

        Assert.Equal(bad.Length, replies.Count);
        Assert.StartsWith("Send me a question", replies[0], StringComparison.Ordinal);
        Assert.StartsWith("Send me a question", replies[1], StringComparison.Ordinal);
        Assert.Contains("too long", replies[2], StringComparison.Ordinal);
        Assert.All(replies, r => Assert.DoesNotContain("something went wrong", r, StringComparison.Ordinal));
        Assert.Contains("one command name", replies[6], StringComparison.Ordinal);
        Assert.Contains("There is no /nosuchcommand command", replies[7], StringComparison.Ordinal);
        Assert.StartsWith("Hi ", replies[8], StringComparison.Ordinal);
        Assert.Contains("/start — Say hello", replies[^1], StringComparison.Ordinal);
    }
}
