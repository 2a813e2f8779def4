namespace LymphBot.Telegram.Receiving;

/// <summary>What became of one update offered to <see cref="TelegramUpdateIntake"/>.</summary>
public enum TelegramIntakeResult
{
    /// <summary>Queued for its chat's worker, or recognised as a redelivery of one already queued.</summary>
    Queued,

    /// <summary>Could not be read or mapped: logged, counted and dropped, so the updates after it go on.</summary>
    Skipped,

    /// <summary>The queue is full: not taken, so it must stay with Telegram (not confirmed) and come again.</summary>
    Full,
}
