using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;
using LymphBot.Core.Sending;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Dashboard;

/// <summary>
/// <c>/dashboard</c>: a one-time sign-in link to the web dashboard, shown to the asker alone. Where a reply cannot be
/// private (a Telegram group, a typed command in a Discord channel) the link goes to the member's direct chat and the
/// group only hears that it did: a link posted in a group could be opened by anyone there first.
/// </summary>
public sealed class DashboardCommand(
    IDashboardSignIn signIn,
    Moderators moderators,
    ModeratorGate gate,
    ChatPlatforms platforms,
    IOptions<DashboardOptions> options) : IChatCommand
{
    public CommandSpec Spec { get; } = new("dashboard", "Moderators: a private sign-in link to the web dashboard (works once, for 10 minutes)")
    {
        Audience = CommandAudience.Moderators,
        Personal = true,
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        if (ScopeOf(message) is not { } scope)
        {
            await gate.RecordAsync(message, "dashboard", "sign-in link", allowed: false, cancellationToken);
            return Reply.Refusal("The dashboard is for moderators. If you moderate a group, send /dashboard there.");
        }

        var privately = message.Kind == ChatKind.Direct || message.RepliesPrivately;
        if (!privately && message.DirectChat is null)
        {
            return Reply.Refusal("I send sign-in links only privately: send /dashboard to me in a direct message.");
        }

        var link = await signIn.IssueLinkAsync(message.Sender, scope, cancellationToken);
        await gate.RecordAsync(message, "dashboard", "sign-in link issued", allowed: true, cancellationToken);
        var text = $"Your dashboard sign-in link (it works once, for 10 minutes; do not share it):\n{ReplyMarkup.Escape(link.AbsoluteUri)}";
        var reply = new Reply(text) { Private = true };
        if (privately)
        {
            return reply;
        }

        var report = await platforms.SendAsync(message.DirectChat!, reply, SendRequest.Unprompted, cancellationToken);
        return report.Outcome == SendOutcome.Sent
            ? Reply.Refusal("I sent you a sign-in link in a direct message.")
            : Reply.Refusal("I could not message you privately. Open a direct chat with me, send /start, then /dashboard here again.");
    }

    /// <summary>What the asker may see, or <c>null</c> when they moderate nothing here.</summary>
    private DashboardScope? ScopeOf(IncomingMessage message)
    {
        if (options.Value.IsOperator(message.Sender))
        {
            return DashboardScope.Operator;
        }

        if (!moderators.IsModerator(message))
        {
            return null;
        }

        var configured = moderators.IsConfigured(message.Sender);
        return message.Kind == ChatKind.Group
            ? DashboardScope.Moderator([message.Chat], configured)
            : configured ? DashboardScope.Moderator([], privateChats: true) : null;
    }
}
