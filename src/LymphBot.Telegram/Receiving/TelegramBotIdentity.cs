using LymphBot.Telegram.Mapping;

namespace LymphBot.Telegram.Receiving;

/// <summary>The bot's username, learned from getMe at start; handlers wait for it before mapping messages.</summary>
public sealed class TelegramBotIdentity
{
    private readonly TaskCompletionSource<TelegramBotUser> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsKnown => _known.Task.IsCompletedSuccessfully;

    public void Set(TelegramBotUser bot) => _known.TrySetResult(bot);

    public Task<TelegramBotUser> WhenKnownAsync(CancellationToken cancellationToken) => _known.Task.WaitAsync(cancellationToken);
}
