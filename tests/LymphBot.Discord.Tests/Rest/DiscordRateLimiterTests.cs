using System.Net.Http.Headers;
using LymphBot.Discord.Rest;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Discord.Tests.Rest;

public sealed class DiscordRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Acquire_BucketExhausted_WaitsUntilResetAfter()
    {
        var limiter = Limiter();
        var route = DiscordRoute.CreateMessage("1");
        var bucket = await limiter.AcquireAsync(route, CancellationToken.None);
        limiter.Update(route, bucket, Headers(("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "2.5")));
        bucket.Gate.Release();

        var next = limiter.AcquireAsync(route, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(2.4));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Gate.Release();
    }

    [Fact]
    public async Task Acquire_SameHashOtherChannel_IsNotHeldBack()
    {
        var limiter = Limiter();
        var first = DiscordRoute.CreateMessage("1");
        var bucket = await limiter.AcquireAsync(first, CancellationToken.None);
        limiter.Update(first, bucket, Headers(("X-RateLimit-Bucket", "abcd1234"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "60")));
        bucket.Gate.Release();

        var other = await limiter.AcquireAsync(DiscordRoute.CreateMessage("2"), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        other.Gate.Release();
        Assert.Equal("abcd1234:1", limiter.BucketKey(first));
        Assert.Equal(TimeSpan.FromSeconds(60), limiter.WaitFor(first));
        Assert.Equal(TimeSpan.Zero, limiter.WaitFor(DiscordRoute.CreateMessage("2")));
    }

    [Fact]
    public async Task Acquire_GlobalLimitPerSecond_HoldsTheNextRequestForTheRestOfTheSecond()
    {
        var limiter = Limiter(perSecond: 2);
        for (var i = 0; i < 2; i++)
        {
            (await limiter.AcquireAsync(DiscordRoute.CreateMessage(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None)).Gate.Release();
        }

        var third = limiter.AcquireAsync(DiscordRoute.CreateMessage("3"), CancellationToken.None).AsTask();
        var exempt = limiter.AcquireAsync(DiscordRoute.InteractionCallback("9", "t"), CancellationToken.None).AsTask();

        (await exempt.WaitAsync(TimeSpan.FromSeconds(5))).Gate.Release();
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Gate.Release();
    }

    [Fact]
    public void OnRateLimited_Global_PausesEveryRouteButInteractionCallbacks()
    {
        var limiter = Limiter();
        var bucket = new RateLimitBucket();

        limiter.OnRateLimited(bucket, TimeSpan.FromSeconds(64.57), global: true);

        Assert.Equal(TimeSpan.FromSeconds(64.57), limiter.WaitFor(DiscordRoute.CreateMessage("5")));
        Assert.Equal(TimeSpan.FromSeconds(64.57), limiter.WaitFor(DiscordRoute.CreateDm()));
        Assert.Equal(TimeSpan.Zero, limiter.WaitFor(DiscordRoute.InteractionCallback("1", "t")));
    }

    [Fact]
    public void InvalidRequestCounter_NearTenThousandIn10Minutes_RefusesUntilTheWindowSlides()
    {
        var counter = new InvalidRequestCounter(_time);
        for (var i = 0; i < InvalidRequestCounter.Threshold - 1; i++)
        {
            counter.Record();
        }

        Assert.Null(counter.RefuseFor());
        _time.Advance(TimeSpan.FromMinutes(1));
        counter.Record();

        Assert.Equal(TimeSpan.FromMinutes(9), counter.RefuseFor());
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Null(counter.RefuseFor());
        Assert.Equal(1, counter.Count);
    }

    private static HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers;
    }

    private DiscordRateLimiter Limiter(int perSecond = 50) =>
        new(_time, Options.Create(new DiscordOptions { GlobalRequestsPerSecond = perSecond }));
}
