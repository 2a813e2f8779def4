using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Programs;

/// <summary>Durable program enrollments, each beside the course subscription that delivers its steps.</summary>
public interface IProgramEnrollmentStore
{
    /// <summary>
    /// Stores the course subscription and the enrollment in one step, unless the member is already on the program (in any
    /// chat) with days still to come: then nothing is stored and that enrollment is returned, so a second press, or two
    /// at once on two instances, joins once. An active enrollment whose course has ended without its summary (the bot
    /// was down) counts as finished here.
    /// </summary>
    Task<ProgramJoinResult> JoinAsync(ProgramEnrollment enrollment, ReminderSubscription course, CancellationToken cancellationToken);

    /// <summary>A member's enrollments, every state, newest first.</summary>
    Task<IReadOnlyList<ProgramEnrollment>> ListForMemberAsync(ChatUser member, CancellationToken cancellationToken);

    Task<ProgramEnrollment?> FindBySubscriptionAsync(long subscriptionId, CancellationToken cancellationToken);

    /// <summary>Ends an active enrollment as finished (with the days ticked) or left; <c>false</c> when it was not active.</summary>
    Task<bool> EndAsync(long enrollmentId, ProgramEnrollmentState state, int? daysDone, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Per program, how many joined in <paramref name="chat"/> and how their courses stand.</summary>
    Task<IReadOnlyList<ProgramCounts>> CountAsync(ChatAddress chat, CancellationToken cancellationToken);
}
