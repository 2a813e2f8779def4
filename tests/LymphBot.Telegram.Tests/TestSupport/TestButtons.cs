using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Telegram.Tests.TestSupport;

public sealed class TestButtons : IButtonHandler
{
    public string Prefix => "more";

    public Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken) =>
        Task.FromResult<Reply?>(Reply.Plain($"More about topic {payload}"));
}
