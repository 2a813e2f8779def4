using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Knowledge;

/// <summary>Questions through the console adapter into the real knowledge base and SQLite.</summary>
public sealed class AnswerConversationTests
{
    [Fact]
    public async Task Question_GetsAnswerWithSourceAndButtons()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, "does it help with swelling?", "/ask what is MLD");

        Assert.Contains("swelling", replies[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Source: Lymphatic Massage: Benefits and Techniques, ¶2", replies[0], StringComparison.Ordinal);
        Assert.Contains("[1] ", replies[0], StringComparison.Ordinal);
        Assert.Contains("👍", replies[0], StringComparison.Ordinal);
        Assert.Contains("manual lymphatic drainage", replies[1], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RelatedAndFeedbackButtons_ShowTopicAndStoreFeedbackWithEntryId()
    {
        using var data = new TempDirectory();

        // Answer buttons: [1] and [2] are related questions, [3] 👍, [4] 👎.
        var replies = await ConsoleSession.RunAsync(data, "does it help with swelling?", "1", "does it help with swelling?", "3");

        Assert.Contains("Source:", replies[1], StringComparison.Ordinal);
        Assert.NotEqual(replies[0], replies[1]);
        Assert.StartsWith("Thanks! Glad that helped.", replies[3], StringComparison.Ordinal);
        Assert.Equal([("reduce-swelling", 1L)], await SqliteFile.QueryAsync<(string, long)>(data, "SELECT entry_id, helpful FROM answer_feedback"));
    }

    [Fact]
    public async Task UnknownQuestion_SaysSoSuggestsTopics_AndRecordsGapWithoutUser()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, "Best pasta recipe?", "best   PASTA recipe", "/kb gaps");

        Assert.StartsWith("I don't know that yet", replies[0], StringComparison.Ordinal);
        Assert.Contains("Topics I can help with", replies[0], StringComparison.Ordinal);
        Assert.StartsWith("Questions asked in private chats are shown only to the bot's configured moderators", replies[2], StringComparison.Ordinal);
        var gaps = await SqliteFile.QueryAsync<(string, string, string, long)>(data, "SELECT question, platform, chat_id, asked_count FROM question_gaps_per_chat");
        Assert.Equal([("best pasta recipe", "console", string.Empty, 2L)], gaps);
    }

    [Fact]
    public async Task KbGaps_ForConfiguredModerator_ListsMostAsked()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(
            data,
            ["--Moderators:Users:0=console:local"],
            "how much does it cost", "what is the weather", "how much does it cost", "/kb gaps", "/kb");

        Assert.Contains("1. \"how much does it cost\" — asked 2×", replies[3], StringComparison.Ordinal);
        Assert.Contains("2. \"what is the weather\" — asked 1×", replies[3], StringComparison.Ordinal);
        Assert.StartsWith("Usage: /kb gaps", replies[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedFlag_GetsSafetyReply_NotAnAnswer()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, "I have chest pain, should I get a massage?");

        Assert.Contains("seek urgent care", replies[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", replies[0], StringComparison.Ordinal);
    }
}
