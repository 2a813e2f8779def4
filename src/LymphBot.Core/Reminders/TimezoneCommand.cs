using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;

namespace LymphBot.Core.Reminders;

/// <summary><c>/timezone [zone]</c>: show or save the member's IANA time zone, used when <c>/remind</c> names none.</summary>
public sealed class TimezoneCommand(IChatUserStore users, TimeProvider time) : IChatCommand
{
    public string Name => "timezone";

    public string Usage => "/timezone [zone]";

    public string Description => "Show or save your time zone, e.g. Europe/Berlin";

    public IReadOnlyList<string> Examples => ["/timezone Europe/Berlin", "/timezone"];

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Message.Sender;
        switch (context.Words)
        {
            case []:
                var saved = (await users.FindAsync(member, cancellationToken))?.TimeZone;
                return Reply.Plain(saved is null
                    ? "You haven't saved a time zone yet. Save one with /timezone Europe/Berlin (any IANA name, or UTC)."
                    : $"Your time zone is {saved}.");
            case [var name] when TimeZones.TryFind(name, out _, out var id):
                var settings = await users.EnsureAsync(member, time.GetUtcNow(), cancellationToken);
                await users.SaveAsync(settings with { TimeZone = id }, cancellationToken);
                return Reply.Plain($"Saved: your time zone is {id}. Now /remind 8:00 will use it.");
            default:
                var shown = context.Arguments.Length > 40 ? context.Arguments[..40] + "…" : context.Arguments;
                return Reply.Refusal($"I don't know the time zone \"{shown}\". Use a name like Europe/Berlin, America/New_York, Asia/Kolkata or UTC.");
        }
    }
}
