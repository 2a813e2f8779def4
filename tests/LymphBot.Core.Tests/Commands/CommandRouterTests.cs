using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Tests.Commands;

public sealed class CommandRouterTests
{
    [Fact]
    public async Task Start_InDirectChat_GreetsByNameAndRemembersMember()
    {
        using var chat = TestChat.Create();

        await chat.Send("/start").ExpectReply(r => r.StartsWith("Hi Ada!", StringComparison.Ordinal) && r.Contains("/help", StringComparison.Ordinal));

        var stored = Assert.Single(chat.Users.All);
        Assert.Equal(("test", "42"), (stored.Platform, stored.UserId));
        Assert.Equal(chat.Time.GetUtcNow(), stored.CreatedAt);
    }

    [Fact]
    public async Task Help_ListsEveryRegisteredCommandWithUsageAndDescription()
    {
        using var chat = TestChat.Create(s => s.AddSingleton<IChatCommand>(new EchoCommand()));

        var reply = await chat.Send("/help").ExpectReply(r =>
            r.Contains("/start — Say hello", StringComparison.Ordinal)
            && r.Contains("/help [command] — List my commands", StringComparison.Ordinal)
            && r.Contains("/echo <text> — Repeat what you say", StringComparison.Ordinal));
        Assert.Contains("**Commands**", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_WithCommandName_ShowsThatCommandInDetail()
    {
        using var chat = TestChat.Create(s => s.AddSingleton<IChatCommand>(new EchoCommand()));

        await chat.Send("/help echo").ExpectReply(r =>
            r.StartsWith("/echo — Repeat what you say\n/echo <text>\n• <text>: What to repeat", StringComparison.Ordinal)
            && r.Contains("/echo hello", StringComparison.Ordinal) && !r.Contains("/start", StringComparison.Ordinal));
        await chat.Send("/help /echo").ExpectReplyContaining("Repeat what you say");
        await chat.Send("/help remind").ExpectReplyContaining("There is no /remind command");
        await chat.Send("/help a b").ExpectReplyContaining("one command name");
    }

    [Theory]
    [InlineData("/nonsense", "I don't know the command /nonsense. Try /help.")]
    [InlineData("/", "I don't know that command. Try /help.")]
    [InlineData("/NONSENSE@LymphTestBot", "I don't know the command /nonsense. Try /help.")]
    public async Task UnknownCommand_InDirectChat_SuggestsHelp(string text, string expected)
    {
        using var chat = TestChat.Create();

        await chat.Send(text).ExpectReply(r => r == expected);
    }

    [Fact]
    public async Task Command_AddressedToAnotherBot_IsIgnored()
    {
        using var chat = TestChat.Create(kind: ChatKind.Group);

        await chat.Send("/help@OtherBot").ExpectSilence();
        await chat.Send("/help@LymphTestBot").ExpectReplyContaining("Commands");
        await chat.Send("/HELP@lymphtestbot").ExpectReplyContaining("Commands");
    }

    [Fact]
    public async Task GroupChat_SpeaksOnlyWhenAddressed()
    {
        using var chat = TestChat.Create(kind: ChatKind.Group);

        await chat.Send("what is lymphatic massage?").ExpectSilence();
        await chat.Send("/nonsense").ExpectSilence();
        await chat.Send("/nonsense@LymphTestBot").ExpectReplyContaining("don't know the command");
        await chat.Send("what is lymphatic massage?", addressesBot: true).ExpectReplyContaining("You asked: what is lymphatic massage?");
        await chat.Send("/help").ExpectReplyContaining("Commands");
    }

    [Fact]
    public async Task DirectChat_FreeText_GoesToQuestionPath()
    {
        var answerer = new RecordingAnswerer();
        using var chat = TestChat.Create(s => s.AddSingleton<LymphBot.Core.Questions.IQuestionAnswerer>(answerer));

        await chat.Send("  does it help\u0000 with\u200B swelling?\r\n ").ExpectReply(r => r == "answered");

        Assert.Equal(["does it help with swelling?"], answerer.Questions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0001\u0002\u0007")]
    [InlineData("\n\t\r")]
    public async Task EmptyOrControlOnlyText_GetsFriendlyPrompt(string text)
    {
        using var chat = TestChat.Create();

        await chat.Send(text).ExpectReply(r => r.StartsWith("Send me a question", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VeryLongText_IsRefusedPolitely()
    {
        using var chat = TestChat.Create();

        await chat.Send(new string('a', 10_000)).ExpectReplyContaining("too long");
    }

    [Fact]
    public async Task UnknownCommand_WithHugeName_IsTruncatedInReply()
    {
        using var chat = TestChat.Create();

        var reply = await chat.Send("/" + new string('x', 5000)).ExpectReplyContaining("don't know the command");
        Assert.True(reply.Text.Length < 120);
    }

    [Fact]
    public async Task CommandThatThrows_GetsApology_AndRouterKeepsWorking()
    {
        using var chat = TestChat.Create(s => s.AddSingleton<IChatCommand>(new ThrowingCommand()));

        await chat.Send("/boom").ExpectReplyContaining("something went wrong");
        await chat.Send("/help").ExpectReplyContaining("Commands");
    }

    [Fact]
    public async Task Button_WithUnknownPrefix_SaysItExpired()
    {
        using var chat = TestChat.Create();

        await chat.Press("nope:123").ExpectReplyContaining("button no longer works");
    }

    [Fact]
    public async Task Button_IsRoutedToHandlerByPrefix()
    {
        using var chat = TestChat.Create(s => s.AddSingleton<IButtonHandler>(new EchoButton()));

        await chat.Press("echo:payload:with:colons").ExpectReply(r => r == "pressed payload:with:colons");
    }

    [Fact]
    public async Task UserText_CannotInjectMarkup()
    {
        using var chat = TestChat.Create(s => s.AddSingleton<IChatCommand>(new EchoCommand()));

        var reply = await chat.Send("/echo **bold** `code`").ExpectReply(r => r == "**bold** `code`");
        Assert.All(ReplyMarkup.Parse(reply.Text), span => Assert.Equal(MarkupStyle.Plain, span.Style));
    }

    private sealed class EchoCommand : IChatCommand
    {
        public CommandSpec Spec { get; } = new("echo", "Repeat what you say")
        {
            Parameters = [new CommandParameter("text", ParameterKind.Text, "What to repeat")],
            Examples = ["/echo hello"],
        };

        public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            Task.FromResult(Reply.Plain(context.Arguments));
    }

    private sealed class ThrowingCommand : IChatCommand
    {
        public CommandSpec Spec { get; } = new("boom", "Fails");

        public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("kaboom");
    }

    private sealed class EchoButton : IButtonHandler
    {
        public string Prefix => "echo";

        public Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken) =>
            Task.FromResult<Reply?>(Reply.Plain("pressed " + payload));
    }

    private sealed class RecordingAnswerer : LymphBot.Core.Questions.IQuestionAnswerer
    {
        public List<string> Questions { get; } = [];

        public Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken)
        {
            Questions.Add(question);
            return Task.FromResult(Reply.Plain("answered"));
        }
    }
}
