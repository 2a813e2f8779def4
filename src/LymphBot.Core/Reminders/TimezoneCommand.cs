using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/timezone [zone]</c>: show or save the member's IANA time zone, used when <c>/remind</c> names none. A shared
/// location saves the zone of the nearest <c>zone.tab</c> place (<see cref="NearestTimeZone"/>); where the platform
/// offers a button for sharing one, <c>/timezone</c> shows it.
/// </summary>
public sealed class TimezoneCommand(IChatUserStore users, TimeProvider time) : IChatCommand, ILocationHandler
{
    public const string ShareLocationLabel = "📍 Share my location";

    /// <summary>How many other zones a saved location's reply names as the likely alternatives.</summary>
    private const int NearbyZones = 5;

    public CommandSpec Spec { get; } = new("timezone", "Show or save your time zone, e.g. Europe/Berlin")
    {
        Parameters = [new CommandParameter("zone", ParameterKind.TimeZone, "Your time zone, for example Europe/Berlin") { Required = false }],
        Examples = ["/timezone Europe/Berlin", "/timezone"],
        Personal = true,
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        if (context.Invocation.GetText("zone") is not { } id)
        {
            var saved = (await users.FindAsync(message.Sender, cancellationToken))?.TimeZone;
            var text = saved is null
                ? "You haven't saved a time zone yet. Save one with /timezone Europe/Berlin (any IANA name, or UTC)."
                : $"Your time zone is {saved}.";
            if (!message.CanShareLocation)
            {
                return Reply.Plain(text);
            }

            text += saved is null
                ? " Or share your location with the button below, and I'll name your zone."
                : " To change it, send /timezone <zone> or share your location with the button below.";
            return Reply.Plain(text) with { LocationRequest = ShareLocationLabel };
        }

        await SaveAsync(message.Sender, id, cancellationToken);
        return Reply.Plain($"Saved: your time zone is {id}. Now /remind 8:00 will use it.") with { EndsLocationRequest = message.CanShareLocation };
    }

    /// <summary>Saves the zone of the place shared, as <c>/timezone &lt;zone&gt;</c> would; the place itself is not kept.</summary>
    public async Task<Reply> HandleAsync(IncomingMessage message, GeoPoint location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var zones = NearestTimeZone.Nearest(location, NearbyZones + 1);
        if (zones.Count == 0)
        {
            return Reply.Refusal("I couldn't name a time zone for that place. Send /timezone Europe/Berlin (any IANA name, or UTC) instead.");
        }

        var id = zones[0];
        await SaveAsync(message.Sender, id, cancellationToken);

        // The clock there lets the member see at once whether the guess is right; the next nearest zones are what they
        // most likely mean when it is not (far from its zone's city, a place can be nearer a neighbour's).
        var now = ReminderTime.Format(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZones.Find(id)).DateTime));
        var others = zones.Count == 1 ? string.Empty : $" (nearby: {string.Join(", ", zones.Skip(1))})";
        var text = $"Saved: your time zone is {id}, where it's {now} now. It's the zone of the nearest place in the time zone database " +
            $"to the location you shared, which I don't keep. If that's not your time, send /timezone <zone>{others}, " +
            "for example /timezone Europe/Berlin. Now /remind 8:00 will use it.";
        return Reply.Plain(text) with { EndsLocationRequest = true, Private = true };
    }

    private async Task SaveAsync(ChatUser member, string zone, CancellationToken cancellationToken)
    {
        var settings = await users.EnsureAsync(member, time.GetUtcNow(), cancellationToken);
        await users.SaveAsync(settings with { TimeZone = zone }, cancellationToken);
    }
}
