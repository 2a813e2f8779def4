using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Core.Privacy;

/// <summary>The confirmation button of <c>/forgetme</c>; it acts for whoever presses it, on their own data only.</summary>
public sealed class PrivacyButtons(IPersonalDataStore data) : IButtonHandler
{
    public string Prefix => "privacy";

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (payload != "forget")
        {
            return Reply.Plain("That button no longer works.") with { Private = true };
        }

        await data.ForgetAsync(message.Sender, cancellationToken);
        return Reply.Plain("Done: I've deleted everything I stored about you.") with { Private = true };
    }
}
