using LymphBot.Telegram.Sending;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Telegram.Tests.Sending;

public sealed class TelegramSendPacerTests : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(25);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly TelegramSendPacer _pacer;

    public TelegramSendPacerTests()
    {
        _pacer = new TelegramSendPacer(Options.Create(new TelegramOptions { StartHold = TimeSpan.Zero }), _time);
    }

    public void Dispose() => _pacer.Dispose();

    [Fact]
    public async Task WaitTurnAsync_RightAfterStart_WaitsOneWindow_SoARestartNeverDoublesTheCap()
    {
        // The process before may have sent 30 in the second it was killed: the new one holds a full window first.
        using var restarted = new TelegramSendPacer(Options.Create(new TelegramOptions()), _time);
        var lane = await restarted.EnterAsync(1, CancellationToken.None);
        var first = restarted.WaitTurnAsync(lane, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1));
        Assert.False(first.IsCompleted, "nothing goes out within the first second");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await first.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        restarted.Leave(lane);
    }

    [Fact]
    public async Task WaitTurnAsync_ThirtyOneChatsAtOnce_ThirtyGoNowTheLastAfterOneSecond()
    {
        for (var chat = 1; chat <= 30; chat++)
        {
            Assert.True(TurnAsync(chat).IsCompletedSuccessfully, $"send {chat} is within the cap");
        }

        var last = TurnAsync(31);
        Assert.False(last.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(1) + Margin - TimeSpan.FromMilliseconds(1));
        Assert.False(last.IsCompleted, "never over the cap");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await last;
    }

    [Fact]
    public async Task WaitTurnAsync_ThirtySendsStillOnTheirWay_TheNextWaitsForOneToBeAnsweredAndASecondMore()
    {
        var inFlight = new List<IDisposable>();
        for (var chat = 1; chat <= 30; chat++)
        {
            var lane = await _pacer.EnterAsync(chat, CancellationToken.None);
            inFlight.Add(await _pacer.WaitTurnAsync(lane, CancellationToken.None));
        }

        var last = TurnAsync(31);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(last.IsCompleted, "a send Telegram has not answered may still arrive: it keeps its place");

        inFlight[0].Dispose();
        _time.Advance(TimeSpan.FromSeconds(1) + Margin - TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        Assert.False(last.IsCompleted, "the answered send still counts for a second after its answer");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await last.WaitAsync(TimeSpan.FromSeconds(5));
        inFlight.ForEach(t => t.Dispose());
    }

    [Fact]
    public async Task WaitTurnAsync_SamePrivateChatTwice_SecondWaitsOneSecond()
    {
        await TurnAsync(7);
        var second = TurnAsync(7);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        _time.Advance(Margin);
        await second;
    }

    [Fact]
    public async Task WaitTurnAsync_GroupChat_TwentyPerMinute()
    {
        for (var i = 0; i < 20; i++)
        {
            var turn = TurnAsync(-100);
            while (!turn.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(25));
            }

            await turn;
        }

        var started = _time.GetUtcNow();
        var twentyFirst = TurnAsync(-100);
        while (!twentyFirst.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(25));
        }

        await twentyFirst;
        var firstSent = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        Assert.True(_time.GetUtcNow() >= firstSent + TimeSpan.FromMinutes(1) + Margin, "the 21st waits until the first is a minute old");
        Assert.True(_time.GetUtcNow() > started);
    }

    [Fact]
    public async Task PauseFor_RateLimited_NoChatSendsUntilRetryAfterPassed()
    {
        _pacer.PauseFor(TimeSpan.FromSeconds(5));
        var turn = TurnAsync(8);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(turn.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await turn;
    }

    [Fact]
    public async Task WaitTurnAsync_PacingOff_NeverWaits()
    {
        using var unpaced = new TelegramSendPacer(Options.Create(new TelegramOptions { Pacing = false }), _time);

        for (var i = 0; i < 100; i++)
        {
            var lane = await unpaced.EnterAsync(1, CancellationToken.None);
            var turn = unpaced.WaitTurnAsync(lane, CancellationToken.None);
            Assert.True(turn.IsCompletedSuccessfully);
            (await turn).Dispose();
            unpaced.Leave(lane);
        }
    }

    [Fact]
    public async Task EnterAsync_SameChat_SecondWaitsUntilTheFirstLeaves()
    {
        var first = await _pacer.EnterAsync(9, CancellationToken.None);
        var second = _pacer.EnterAsync(9, CancellationToken.None);
        Assert.False(second.IsCompleted);

        _pacer.Leave(first);
        _pacer.Leave(await second);
    }

    private async Task TurnAsync(long chatId)
    {
        var lane = await _pacer.EnterAsync(chatId, CancellationToken.None);
        try
        {
            // Telegram answers at once: the send ends as it starts.
            (await _pacer.WaitTurnAsync(lane, CancellationToken.None)).Dispose();
        }
        finally
        {
            _pacer.Leave(lane);
        }
    }
}
