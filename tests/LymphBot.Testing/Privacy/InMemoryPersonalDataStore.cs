using LymphBot.Core.Chat;
using LymphBot.Core.Privacy;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Knowledge;
using LymphBot.Testing.Moderation;
using LymphBot.Testing.Programs;
using LymphBot.Testing.Scheduling;
using LymphBot.Testing.Tips;
using LymphBot.Testing.Users;

namespace LymphBot.Testing.Privacy;

/// <summary>
/// <c>/mydata</c> and <c>/forgetme</c> over the in-memory stores, as SqlPersonalDataStore does over the tables: settings,
/// routine reminders (with all their deliveries and outcomes) and the weekly recap go; tip suggestions, moderator actions and answer ratings stay without
/// the member's id; a tip of the day they set up stays, owned by <see cref="CommunityOwner"/>.
/// </summary>
public sealed class InMemoryPersonalDataStore(
    InMemoryChatUserStore users,
    InMemoryReminderStore reminders,
    InMemoryTipStore tips,
    InMemoryAuditLog audit,
    InMemoryAnswerFeedbackStore feedback,
    InMemoryOutcomeStore outcomes,
    InMemoryFollowUpStore followUps,
    InMemoryWeeklyRecapStore recaps,
    InMemoryProgramEnrollmentStore programs) : IPersonalDataStore
{
    /// <summary>The owner of a chat's own schedule once the moderator who made it is forgotten (SqlPersonalDataStore.CommunityOwner).</summary>
    public const string CommunityOwner = "";

    public async Task<PersonalData> DescribeAsync(ChatUser member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var settings = await users.FindAsync(member, cancellationToken);
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        return new PersonalData(
            settings is not null,
            settings?.TimeZone,
            settings?.CreatedAt,
            [.. mine.Select(r => $"#{r.Id} {ReminderTime.FormatSlot(r.LocalTime, r.TimeZone)}")],
            tips.CountSuggestedBy(member),
            audit.CountActedBy(member),
            feedback.CountVotesOf(member))
        {
            RatedQuestions = feedback.CountQuestionsOf(member),
            Outcomes = await outcomes.ListForMemberAsync(member, DateOnly.MinValue, cancellationToken),
            WeeklyRecap = await recaps.FindAsync(member, cancellationToken),
            Programs = [.. (await programs.ListForMemberAsync(member, cancellationToken)).Select(ProgramText.Record)],
        };
    }

    public async Task ForgetAsync(ChatUser member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        outcomes.Forget(member);
        programs.Forget(member);
        followUps.Forget((await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken)).Select(r => r.Id));
        reminders.ForgetMember(member, CommunityOwner);
        users.Remove(member);
        await tips.ForgetSuggesterAsync(member);
        audit.ForgetActor(member);
        feedback.ForgetVoter(member);
    }
}
