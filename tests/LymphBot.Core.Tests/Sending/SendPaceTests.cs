using LymphBot.Core.Sending;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Core.Tests.Sending;

public sealed class SendPaceTests
{
    [Fact]
    public async Task WaitTurn_WindowFull_GivesTheTurnOnlyOnceAnEndedSendHasAgedOut()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var pace = new SendPace(time);
        SendWindow[] windows = [new SendWindow(2, TimeSpan.FromSeconds(1), spaced: false)];
        var first = await pace.WaitTurnAsync(windows, CancellationToken.None);
        using var second = await pace.WaitTurnAsync(windows, CancellationToken.None);

        var third = pace.WaitTurnAsync(windows, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(third.IsCompleted, "both places are held by sends still in flight");

        first.Dispose();
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(1), pace.NextAllowed(windows));
        time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(20);
        Assert.False(third.IsCompleted, "the ended send still counts for a second after it was answered");
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task PauseFor_HoldsEveryTurnUntilRetryAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var pace = new SendPace(time);
        SendWindow[] windows = [new SendWindow(30, TimeSpan.FromSeconds(1))];

        pace.PauseFor(TimeSpan.FromSeconds(3));
        var turn = pace.WaitTurnAsync(windows, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(20);

        Assert.False(turn.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await turn.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
