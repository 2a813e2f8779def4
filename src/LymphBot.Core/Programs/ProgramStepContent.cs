using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Programs;

/// <summary>
/// What a program's course posts: on each of its days that day's step (with Done, Skip and Snooze, like any routine),
/// and the day after the last one a summary of the days done, missed and skipped, which also marks the enrollment finished. The
/// course is an ordinary subscription with a first and a last date, so the slot scheduler, the outbox, DST and the end
/// of a course are the reminders' own.
/// </summary>
public sealed class ProgramStepContent(KnowledgeBase knowledge, IProgramEnrollmentStore enrollments, IOutcomeStore outcomes, TimeProvider time) : IScheduledContent
{
    public ReminderKind Kind => ReminderKind.Program;

    public async Task<string?> ComposeAsync(ReminderSubscription subscription, DateOnly localDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (await enrollments.FindBySubscriptionAsync(subscription.Id, cancellationToken) is not { State: not ProgramEnrollmentState.Left } enrollment)
        {
            return null;
        }

        var snapshot = knowledge.Snapshot;
        var program = snapshot.FindProgram(enrollment.ProgramId);
        var day = enrollment.DayOf(localDate);
        if (day <= enrollment.Days)
        {
            // A program taken out of the base (or shortened) meanwhile has nothing to say that day.
            return program?.StepOn(day) is { } step
                ? ProgramText.Step(program, enrollment.Days, step, KnowledgeValidator.Citation(snapshot, step.Sources))
                : null;
        }

        // The summary: the fan-out closed the last day (stored Missed unless ticked) before composing this, so every day
        // of the course has its outcome; a day with none at all (the bot down all of it) is missed too.
        var days = (await outcomes.ListAsync(subscription.Id, enrollment.FirstDay, cancellationToken)).Where(o => enrollment.DayOf(o.LocalDate) <= enrollment.Days).ToList();
        var done = days.Count(o => o.Outcome is OccurrenceOutcome.Done or OccurrenceOutcome.SnoozedThenDone);
        var skipped = days.Count(o => o.Outcome == OccurrenceOutcome.Skipped);
        await enrollments.EndAsync(enrollment.Id, ProgramEnrollmentState.Finished, done, time.GetUtcNow(), cancellationToken);
        return ProgramText.Summary(program?.Title ?? enrollment.ProgramId, enrollment.ProgramId, enrollment.Days, done, skipped);
    }

    public Reply Render(Delivery delivery, ReminderSubscription subscription) => ProgramText.Delivery(delivery, subscription);
}
