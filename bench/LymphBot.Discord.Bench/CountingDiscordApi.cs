using System.Net;

namespace LymphBot.Discord.Bench;

/// <summary>Answers every REST call at once with 200 and counts create-message calls, so the run ends when all replies left.</summary>
internal sealed class CountingDiscordApi : HttpMessageHandler
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _messages;
    private long _target = long.MaxValue;

    public long Messages => Interlocked.Read(ref _messages);

    public Task ExpectAsync(long total)
    {
        Interlocked.Exchange(ref _target, total);
        if (Messages >= total)
        {
            _done.TrySetResult();
        }

        return _done.Task;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri!.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal)
            && Interlocked.Increment(ref _messages) >= Interlocked.Read(ref _target))
        {
            _done.TrySetResult();
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"1"}""") });
    }
}
