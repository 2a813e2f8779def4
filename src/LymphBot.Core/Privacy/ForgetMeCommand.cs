using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Core.Privacy;

/// <summary><c>/forgetme</c> asks for confirmation with a button; only the button deletes.</summary>
public sealed class ForgetMeCommand : IChatCommand
{
    public const string ConfirmData = "privacy:forget";

    public CommandSpec Spec { get; } = new("forgetme", "Delete everything I store about you") { Personal = true };

    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new Reply("This deletes your settings, reminders, programs, routine history, rest days and weekly recap and the questions kept with your 👎, and removes your name from tip suggestions, your answer ratings and the moderator log. It cannot be undone.")
        {
            Buttons = [[new ReplyButton("Yes, forget me", ConfirmData)]],
            Private = true,
        });
}
