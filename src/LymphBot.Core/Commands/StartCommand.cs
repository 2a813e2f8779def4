using LymphBot.Core.Chat;
using LymphBot.Core.Users;

namespace LymphBot.Core.Commands;

/// <summary>Greets a member and remembers them, so settings such as their time zone have a home.</summary>
public sealed class StartCommand(IChatUserStore users, TimeProvider time) : IChatCommand
{
    public CommandSpec Spec { get; } = new("start", "Say hello and see what I can do")
    {
        // Telegram's deep links (t.me/bot?start=code) send "/start code"; nothing reads the code yet, and it must not be refused.
        Parameters = [new CommandParameter("code", ParameterKind.Text, "The code of a start link") { Required = false, Advertised = false, Examples = ["welcome"] }],
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sender = context.Message.Sender;
        await users.EnsureAsync(sender, time.GetUtcNow(), cancellationToken);
        var name = ReplyMarkup.Escape(InputText.Clean(sender.DisplayName));
        var greeting = name.Length == 0 ? "Hi!" : $"Hi {name}!";
        return new Reply(
            $"{greeting} I'm **LymphBot**. I answer questions about lymphatic massage from a small, sourced " +
            "knowledge base, and I can send you a daily routine reminder at your local time.\n\n" +
            "I'm not a medical service: for anything about your own health, please talk to a healthcare provider.\n\n" +
            "Ask me something like \"what is lymphatic massage?\", or send /help for my commands.");
    }
}
