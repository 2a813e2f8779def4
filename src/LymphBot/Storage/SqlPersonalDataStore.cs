using System.Data.Common;
using Dapper;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Privacy;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;

namespace LymphBot.Storage;

/// <summary>Every table that can name a member, in one place, so /mydata and /forgetme cannot miss one.</summary>
public sealed class SqlPersonalDataStore(
    Database database, IChatUserStore users, IReminderStore reminders, IOutcomeStore outcomes, IWeeklyRecapStore recaps, IProgramEnrollmentStore programs)
    : IPersonalDataStore
{
    /// <summary>The owner recorded on a chat's own schedules (a tip of the day) once the moderator who made it is forgotten.</summary>
    public const string CommunityOwner = "";

    /// <summary>The schedules that are the member's own, deleted with them: their routines and their weekly recap.</summary>
    private const string MemberOwned = "kind IN ('Routine', 'WeeklyRecap', 'Program')";

    public async Task<PersonalData> DescribeAsync(ChatUser member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var settings = await users.FindAsync(member, cancellationToken);
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var key = new { member.Platform, member.UserId };
        var suggestions = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM tips WHERE platform = @Platform AND suggested_by = @UserId", key, cancellationToken: cancellationToken));
        var actions = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM audit_log WHERE platform = @Platform AND actor_id = @UserId", key, cancellationToken: cancellationToken));
        var ratings = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM answer_feedback WHERE platform = @Platform AND voter_id = @UserId", key, cancellationToken: cancellationToken));
        var questions = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM answer_feedback WHERE platform = @Platform AND voter_id = @UserId AND question IS NOT NULL", key, cancellationToken: cancellationToken));
        return new PersonalData(
            settings is not null,
            settings?.TimeZone,
            settings?.CreatedAt,
            [.. mine.Select(r => $"#{r.Id} {ReminderTime.FormatSlot(r.LocalTime, r.TimeZone)}")],
            (int)suggestions,
            (int)actions,
            (int)ratings)
        {
            RatedQuestions = (int)questions,
            Outcomes = await outcomes.ListForMemberAsync(member, DateOnly.MinValue, cancellationToken),
            WeeklyRecap = await recaps.FindAsync(member, cancellationToken),
            Programs = [.. (await programs.ListForMemberAsync(member, cancellationToken)).Select(ProgramText.Record)],
        };
    }

    public async Task ForgetAsync(ChatUser member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = new { member.Platform, member.UserId };
        string[] statements =
        [
            "DELETE FROM reminder_outcomes WHERE platform = @Platform AND user_id = @UserId",
            $"DELETE FROM reminder_follow_ups WHERE subscription_id IN (SELECT id FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND {MemberOwned})",
            $"DELETE FROM reminder_deliveries WHERE subscription_id IN (SELECT id FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND {MemberOwned})",
            $"DELETE FROM reminder_subscriptions WHERE platform = @Platform AND user_id = @UserId AND {MemberOwned}",
            "DELETE FROM program_enrollments WHERE platform = @Platform AND user_id = @UserId",

            // A tip of the day belongs to its chat, not to the moderator who set it up: it stays, without their id.
            $"UPDATE reminder_subscriptions SET user_id = '{CommunityOwner}' WHERE platform = @Platform AND user_id = @UserId",
            "DELETE FROM chat_users WHERE platform = @Platform AND user_id = @UserId",
            "UPDATE tips SET suggested_by = NULL, suggested_name = NULL, suggested_chat_id = NULL, suggested_thread_id = NULL WHERE platform = @Platform AND suggested_by = @UserId",
            "UPDATE audit_log SET actor_id = NULL, actor_name = NULL WHERE platform = @Platform AND actor_id = @UserId",

            // The vote still counts for the entry; who cast it goes, and the question a 👎 kept with it.
            "UPDATE answer_feedback SET voter_id = NULL, question = NULL, chat_id = NULL WHERE platform = @Platform AND voter_id = @UserId",

            // Their dashboard sign-in links and sessions name them; a session ends with them.
            "DELETE FROM dashboard_links WHERE platform = @Platform AND user_id = @UserId",
            "DELETE FROM dashboard_sessions WHERE platform = @Platform AND user_id = @UserId",
        ];
        foreach (var sql in statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, key, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
