using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using LymphBot.Core.Turns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LymphBot.ConsoleChat;

/// <summary>
/// The console adapter's read loop: one line in, the bot's reply out. Interactive sessions show a prompt;
/// piped input is read to its end, after which the host stops and exits 0.
/// </summary>
public sealed class ConsoleChatService(
    ConsoleStreams streams,
    ConsoleChatPlatform platform,
    ChatTurn turn,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    public const string BotUsername = "LymphBot";

    private static readonly ChatUser LocalUser = new(ConsoleChatPlatform.PlatformName, ConsoleChatPlatform.LocalId, Environment.UserName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wait until the whole host has started: stopping it at the end of a short piped input while Kestrel or
        // another service is still starting would cancel the start and fail the run.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        if (streams.IsInteractive)
        {
            await streams.Output.WriteLineAsync("LymphBot: type a question, or /help. Ctrl+D (Ctrl+Z on Windows) quits.");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (streams.IsInteractive)
            {
                await streams.Output.WriteAsync("> ");
                await streams.Output.FlushAsync(stoppingToken);
            }

            // ReadLine on a terminal does not observe cancellation; waiting on it this way lets shutdown proceed.
            var line = await Task.Run(streams.Input.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
            if (line is null)
            {
                break;
            }

            using var scope = logger.BeginChatScope(ConsoleChatPlatform.PlatformName, ConsoleChatPlatform.LocalId);
            await turn.RunAsync(ToMessage(line), SendRequest.Unprompted, time.GetUtcNow(), stoppingToken);
        }

        lifetime.StopApplication();
    }

    private IncomingMessage ToMessage(string line)
    {
        var buttons = platform.LastButtons;
        var trimmed = line.Trim();
        if (buttons.Count > 0
            && int.TryParse(trimmed.Trim('[', ']'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= buttons.Count)
        {
            return new IncomingMessage(ConsoleChatPlatform.LocalChat, LocalUser, string.Empty, BotUsername: BotUsername, ButtonData: buttons[number - 1].Data);
        }

        return new IncomingMessage(ConsoleChatPlatform.LocalChat, LocalUser, line, BotUsername: BotUsername);
    }
}
