using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Users;

namespace LymphBot.Core.Reminders;

/// <summary><c>/timezone [zone]</c>: show or save the member's IANA time zone, used when <c>/remind</c> names none.</summary>
public sealed class TimezoneCommand(IChatUserStore users, TimeProvider time) : IChatCommand
{
    public CommandSpec Spec { get; } = new("timezone", "Show or save your time zone, e.g. Europe/Berlin")
    {
        Parameters = [new CommandParameter("zone", ParameterKind.TimeZone, "Your time zone, for example Europe/Berlin") { Required = false }],
        Examples = ["/timezone Europe/Berlin", "/timezone"],
        Personal = true,
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Message.Sender;
        if (context.Invocation.GetText("zone") is not { } id)
        {
            var saved = (await users.FindAsync(member, cancellationToken))?.TimeZone;
            return Reply.Plain(saved is null
                ? "You haven't saved a time zone yet. Save one with /timezone Europe/Berlin (any IANA name, or UTC)."
                : $"Your time zone is {saved}.");
        }

        var settings = await users.EnsureAsync(member, time.GetUtcNow(), cancellationToken);
        await users.SaveAsync(settings with { TimeZone = id }, cancellationToken);
        return Reply.Plain($"Saved: your time zone is {id}. Now /remind 8:00 will use it.");
    }
}
