using System.Text.Json;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using LymphBot.Core.Turns;
using LymphBot.Discord.Gateway;
using LymphBot.Discord.Interactions;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.SlashCommands;
using LymphBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.Events;

/// <summary>Handles one dispatch on a worker: READY registers commands, messages and interactions go to Core.</summary>
internal sealed partial class DiscordEventHandler(
    DiscordGateway gateway,
    ChatTurn turn,
    DiscordChatPlatform platform,
    DiscordInteractionResponder interactions,
    SlashCommandRegistrar registrar,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordEventHandler> logger)
{
    private readonly ILogger<DiscordEventHandler> _logger = logger;

    public async Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (gateway.Identity is not { } self)
        {
            return;
        }

        // Everything logged while handling (routing, answering, the reply) names the channel.
        using var scope = gatewayEvent.ChannelId is { } channel ? _logger.BeginChatScope(DiscordMapping.Platform, channel) : null;
        try
        {
            switch (gatewayEvent.Type)
            {
                case "READY":
                    await registrar.RegisterOnceAsync(self.ApplicationId, cancellationToken);
                    break;
                case "MESSAGE_CREATE":
                    var message = JsonSerializer.Deserialize(gatewayEvent.Frame.Span, DiscordJsonContext.Default.GatewayFrameDiscordMessage)?.D;
                    if (message is not null)
                    {
                        await OnMessageAsync(message, self, time.GetUtcNow() - time.GetElapsedTime(gatewayEvent.ReceivedAt), cancellationToken);
                    }

                    break;
                case "INTERACTION_CREATE":
                    var interaction = JsonSerializer.Deserialize(gatewayEvent.Frame.Span, DiscordJsonContext.Default.GatewayFrameDiscordInteraction)?.D;
                    if (interaction is not null)
                    {
                        await interactions.RespondAsync(interaction, self, gatewayEvent.ReceivedAt, cancellationToken);
                    }

                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A worker never dies with one bad event.
            LogFailed(ex, gatewayEvent.Type, gatewayEvent.Sequence);
        }
    }

    /// <summary>Maps one message and runs its turn; returns what became of the reply (null when silent). Used by the benchmark too.</summary>
    internal async Task<SendReport?> OnMessageAsync(DiscordMessage message, BotIdentity self, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (DiscordMapping.FromMessage(message, self, options.Value.MessageContent) is not { } incoming)
        {
            return null;
        }

        if (incoming.Kind == ChatKind.Direct)
        {
            await platform.MarkReachableAsync(incoming.Chat, incoming.Sender.UserId, cancellationToken);
        }

        // In servers the answer quotes the question; the turn owns the reply's retries (repeats carry the same nonce).
        return await turn.RunAsync(
            incoming,
            new SendRequest(incoming.Kind == ChatKind.Group ? message.Id : null),
            receivedAt + options.Value.ReplyRetryWindow,
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: handling {Type} (sequence {Sequence}) failed")]
    private partial void LogFailed(Exception exception, string type, int? sequence);

}
