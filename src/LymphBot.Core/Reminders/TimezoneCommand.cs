using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/timezone [zone]</c>: show or save the member's IANA time zone, used when <c>/remind</c> names none. Where the
/// platform offers a button for sharing a location, <c>/timezone</c> shows it; a shared location is answered with the
/// zones of the nearest <c>zone.tab</c> places (<see cref="NearestTimeZone"/>) as buttons, each with the time there,
/// and the press (<c>tz:&lt;owner&gt;:&lt;zone&gt;</c>) saves the one the member picks. Nothing is saved from a location
/// alone: with no dataset of zone borders the nearest city is often across a border, and a zone half an hour off
/// would make every reminder late.
/// </summary>
public sealed class TimezoneCommand(IChatUserStore users, TimeProvider time) : IChatCommand, ILocationHandler, IButtonHandler
{
    public const string ShareLocationLabel = "📍 Share my location";

    /// <summary>How many zones a shared location is answered with: enough to hold the right one near most borders.</summary>
    public const int OfferedZones = 5;

    public string Prefix => "tz";

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

    /// <summary>Offers the zones near the place shared, each with its time now; the place itself is not kept.</summary>
    public Task<Reply> HandleAsync(IncomingMessage message, GeoPoint location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var zones = NearestTimeZone.Nearest(location, OfferedZones);
        if (zones.Count == 0)
        {
            return Task.FromResult(Reply.Refusal("I couldn't name a time zone for that place. Send /timezone Europe/Berlin (any IANA name, or UTC) instead."));
        }

        var owner = ReminderPicker.Owner(message.Sender);
        var text = "Which of these is your time now? They are the zones of the places nearest to the one you shared " +
            "(which I don't keep); near a border the nearest can be a neighbour's, so pick the one whose clock matches yours. " +
            "If none does, send /timezone <zone>, for example /timezone Europe/Berlin.";
        return Task.FromResult(Reply.Plain(text) with
        {
            Buttons = [.. zones.Select(z => (IReadOnlyList<ReplyButton>)[new ReplyButton($"{NowIn(z)} · {z}", $"tz:{owner}:{z}")])],
            Private = true,
        });
    }

    /// <summary>Saves the zone the member picked from those a shared location offered.</summary>
    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.Split(':', 2);
        if (parts.Length != 2 || !TimeZones.TryFind(parts[1], out _, out var id))
        {
            return Reply.Refusal("That button doesn't work. Send /timezone Europe/Berlin (any IANA name, or UTC), or share your location again.");
        }

        if (!string.Equals(parts[0], ReminderPicker.Owner(message.Sender), StringComparison.Ordinal))
        {
            return Reply.Refusal("Those buttons are for the member who shared the location, so nothing changed. Send /timezone to set your own.");
        }

        await SaveAsync(message.Sender, id, cancellationToken);
        return Reply.Plain($"Saved: your time zone is {id}, where it's {NowIn(id)} now. Now /remind 8:00 will use it.") with
        {
            ReplacesPressedMessage = true,
            Private = true,
        };
    }

    private string NowIn(string zone) =>
        ReminderTime.Format(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZones.Find(zone)).DateTime));

    private async Task SaveAsync(ChatUser member, string zone, CancellationToken cancellationToken)
    {
        var settings = await users.EnsureAsync(member, time.GetUtcNow(), cancellationToken);
        await users.SaveAsync(settings with { TimeZone = zone }, cancellationToken);
    }
}
