using LymphBot.Core.Chat;

namespace LymphBot.Core.Privacy;

/// <summary>Everything stored that names a member, to show it (<c>/mydata</c>) or delete it (<c>/forgetme</c>).</summary>
public interface IPersonalDataStore
{
    Task<PersonalData> DescribeAsync(ChatUser member, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the member's settings, reminders (with their deliveries and outcomes) and weekly recap and removes their name from tip
    /// suggestions, the audit log and the community schedules they set up (a chat's tip of the day stays, unnamed);
    /// afterwards no row names them.
    /// </summary>
    Task ForgetAsync(ChatUser member, CancellationToken cancellationToken);
}
