using LymphBot.Core.Chat;
using LymphBot.Discord.Mapping;
using LymphBot.Testing.Conversations;

namespace LymphBot.Discord.Tests.Mapping;

public sealed class DiscordRenderingTests
{
    [Fact]
    public void ToMessages_CitationAndButtons_CitationIsTheLastLineAndButtonsAreSecondaryRows()
    {
        var reply = new Reply("Gentle strokes **toward** the heart.")
        {
            Citation = "Guide [2024], ¶3",
            Buttons = [[new ReplyButton("More", "kb:more"), new ReplyButton("Sources", "kb:src")], [new ReplyButton("Stop", "remind:stop")]],
        };

        var message = Assert.Single(DiscordRendering.ToMessages(reply));

        Assert.Equal("Gentle strokes **toward** the heart.\n-# Source: Guide \\[2024\\], ¶3", message.Content);
        Assert.Empty(message.AllowedMentions!.Parse);
        Assert.Null(message.Flags);
        var rows = message.Components!;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(1, r.Type));
        var first = rows[0].Components!;
        Assert.Equal([("More", "kb:more", 2, 2), ("Sources", "kb:src", 2, 2)], first.Select(b => (b.Label!, b.CustomId!, b.Type, b.Style!.Value)));
    }

    [Fact]
    public void ToMessages_ProgressOfALabelFullOfMarkup_BoldsTheIdOnly_AndKeepsTheLabelAndMarksLiteral()
    {
        var message = Assert.Single(DiscordRendering.ToMessages(ProgressSample.Reply()));

        Assert.StartsWith("**\\#3** \\<b\\>legs\\</b\\> & \\*arms\\* \\_x\\_ ", message.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("<t:1:F>", message.Content, StringComparison.Ordinal);
        Assert.Contains(" — every day at 09:00 \\(UTC\\)\nThu 19 Nov  ➖➖➖➖✅💤⏳\nstreak: 1 day\n✅ done", message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMessages_LongPrivateReply_SplitsAndMarksEveryPartEphemeralWithButtonsOnTheLast()
    {
        var text = string.Join("\n\n", Enumerable.Repeat(new string('a', 1500), 3));
        var reply = new Reply(text) { Private = true, Buttons = [[new ReplyButton("Ok", "ok")]] };

        var messages = DiscordRendering.ToMessages(reply);

        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal(DiscordRendering.EphemeralFlag, m.Flags));
        Assert.Null(messages[0].Components);
        Assert.NotNull(messages[^1].Components);
    }
}
