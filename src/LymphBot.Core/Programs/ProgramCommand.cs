using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Moderation;

namespace LymphBot.Core.Programs;

/// <summary>
/// <c>/program</c>: the programs of the knowledge base (<c>programs/</c>); members join and leave them, moderators offer
/// one in their chat (a post with a Join button) and see how many joined and finished, never who did what.
/// </summary>
public sealed class ProgramCommand(
    KnowledgeBase knowledge,
    ProgramEnrollments enrollments,
    ProgramButtons buttons,
    IProgramEnrollmentStore store,
    ModeratorGate gate) : IChatCommand
{
    private static readonly CommandParameter ProgramId =
        new("program", ParameterKind.Name, "The program's id, as /program lists it, for example gentle-7") { Examples = ["gentle-7"], SuggestFrom = ProgramSuggester.SourceName };

    public CommandSpec Spec { get; } = new("program", "Programs: a short course with one step a day at your time")
    {
        Subcommands =
        [
            new Subcommand("list", "List the programs", []),
            new Subcommand("join", "Join a program: its step each day at your time, in your time zone", [
                ProgramId,
                new CommandParameter("time", ParameterKind.TimeOfDay, "When each step arrives, for example 8:00 (buttons to pick one if left out)") { Required = false },
                new CommandParameter("zone", ParameterKind.TimeZone, "Your time zone, for example Europe/Berlin (your saved one if left out)") { Required = false },
            ]),
            new Subcommand("leave", "Stop a program you joined", [ProgramId with { Required = false }]),
            new Subcommand("offer", "Post a program in this chat with a Join button", [ProgramId]) { Audience = CommandAudience.Moderators },
            new Subcommand("stats", "How many here joined, are on and finished each program", []) { Audience = CommandAudience.Moderators },
        ],
        Examples = ["/program", ProgramText.JoinExample, "/program leave", "/program offer gentle-7", "/program stats"],
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        var invocation = context.Invocation;
        return invocation.Subcommand switch
        {
            "join" => await JoinAsync(message, invocation.GetText("program")!, invocation.GetTime("time"), invocation.GetText("zone"), cancellationToken),
            "leave" => await enrollments.LeaveAsync(message.Sender, invocation.GetText("program"), cancellationToken),
            "offer" => await OfferAsync(context, invocation.GetText("program")!, cancellationToken),
            "stats" => await StatsAsync(context, cancellationToken),
            _ => List(),
        };
    }

    private Reply List()
    {
        var programs = knowledge.Snapshot.Programs;
        if (programs.Count == 0)
        {
            return Reply.Plain("There are no programs yet.");
        }

        var text = new StringBuilder("**Programs**");
        foreach (var program in programs)
        {
            text.Append('\n').Append(ProgramText.Line(program));
        }

        text.Append("\n\nJoin one with ").Append(ReplyMarkup.Escape(ProgramText.JoinExample)).Append(", or press Join where a moderator offered it.");
        return new Reply(text.ToString());
    }

    private async Task<Reply> JoinAsync(IncomingMessage message, string id, TimeOnly? time, string? zoneName, CancellationToken cancellationToken)
    {
        if (enrollments.Find(id) is not { } program)
        {
            return ProgramEnrollments.Unknown(id);
        }

        if (time is null)
        {
            return await buttons.JoinPressedAsync(message, program.Id, cancellationToken);
        }

        if ((zoneName ?? await enrollments.SavedZoneAsync(message.Sender, cancellationToken)) is not { } zone)
        {
            return Reply.Refusal($"Which time zone are you in? Send /program join {program.Id} {Scheduling.ReminderTime.Format(time.Value)} Europe/Berlin, or save yours once with /timezone Europe/Berlin.");
        }

        return await enrollments.JoinAsync(message, program, time.Value, zone, cancellationToken);
    }

    private async Task<Reply> OfferAsync(CommandContext context, string id, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (await gate.RefuseUnlessModeratorAsync(message, "program", context.Arguments, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (enrollments.Find(id) is not { } program)
        {
            return ProgramEnrollments.Unknown(id);
        }

        await gate.RecordAsync(message, "program", context.Arguments, allowed: true, cancellationToken);
        return ProgramText.Offer(program, KnowledgeValidator.Citation(knowledge.Snapshot, program.Sources));
    }

    private async Task<Reply> StatsAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (await gate.RefuseUnlessModeratorAsync(message, "program", context.Arguments, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var counts = (await store.CountAsync(message.Chat with { ThreadId = null }, cancellationToken)).ToDictionary(c => c.ProgramId, StringComparer.Ordinal);
        var ids = knowledge.Snapshot.Programs.Select(p => p.Id).Concat(counts.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        await gate.RecordAsync(message, "program", context.Arguments, allowed: true, cancellationToken);
        if (ids.Count == 0)
        {
            return Reply.Plain("There are no programs yet.") with { Private = true };
        }

        var text = new StringBuilder("**Programs in this chat**");
        foreach (var id in ids)
        {
            var c = counts.GetValueOrDefault(id) ?? new ProgramCounts(id, 0, 0, 0, 0);
            var title = knowledge.Snapshot.FindProgram(id)?.Title ?? id;
            text.Append("\n• ").Append(ReplyMarkup.Escape(title)).Append(CultureInfo.InvariantCulture, $" (`{id}`): {c.Joined} joined, {c.Active} on it now, {c.Finished} finished, {c.Left} left");
        }

        text.Append("\n\nCounts only: who joined, and how anyone's days went, stay with each member.");
        return new Reply(text.ToString()) { Private = true };
    }
}
