using System.Diagnostics;
using LymphBot.Telegram.Tests.StandIn;

namespace LymphBot.Faults.Bench;

/// <summary>
/// What the stand-in answers each <c>sendMessage</c> with, decided per call in arrival order from a fixed seed: all
/// 502s for <see cref="BadGatewayFor"/> from <see cref="BadGatewayFrom"/> after the burst's first call, otherwise a
/// share of 500s, 429s and 200s the client cannot read; in the second run a few calls hang until the client gives
/// up. The connection-refused outage is the tool's: it stops the stand-in (<see cref="RefusedFrom"/>).
/// </summary>
internal sealed class FaultPlan(int seed)
{
    public const double InternalErrors = 0.08;
    public const double RateLimits = 0.04;
    public const int RetryAfterSeconds = 1;
    public const double UnreadableSuccesses = 0.04;

    public static readonly TimeSpan BadGatewayFrom = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan BadGatewayFor = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan RefusedFrom = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan RefusedFor = TimeSpan.FromSeconds(3);

    /// <summary>The second run's sendMessage calls (1-based) that hang: after the kill, so the hangs run their course.</summary>
    public static readonly int[] HangingCalls = [5, 10, 15];

    private readonly Random _random = new(seed);
    private readonly TaskCompletionSource _burstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _burstStart;
    private int _secondRunCalls = -1;

    /// <summary>Completes at the burst's first sendMessage.</summary>
    public Task BurstStarted => _burstStarted.Task;

    public TimeSpan SinceBurst => Stopwatch.GetElapsedTime(Interlocked.Read(ref _burstStart));

    public void SecondRunStarts() => Interlocked.Exchange(ref _secondRunCalls, 0);

    /// <summary>The stand-in's <see cref="TelegramStandIn.FaultScript"/>: called under its lock, one call at a time.</summary>
    public StandInFailure? Answer(string method, string? chatId)
    {
        if (!string.Equals(method, "sendMessage", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Interlocked.CompareExchange(ref _burstStart, Stopwatch.GetTimestamp(), 0) == 0)
        {
            _burstStarted.TrySetResult();
        }

        if (Volatile.Read(ref _secondRunCalls) >= 0 && HangingCalls.Contains(Interlocked.Increment(ref _secondRunCalls)))
        {
            return StandInFailure.NoAnswer();
        }

        var since = SinceBurst;
        if (since >= BadGatewayFrom && since < BadGatewayFrom + BadGatewayFor)
        {
            return StandInFailure.BadGateway();
        }

        return _random.NextDouble() switch
        {
            < InternalErrors => StandInFailure.InternalError(),
            < InternalErrors + RateLimits => StandInFailure.TooManyRequests(RetryAfterSeconds),
            < InternalErrors + RateLimits + UnreadableSuccesses => StandInFailure.UnreadableSuccess(),
            _ => null,
        };
    }
}
