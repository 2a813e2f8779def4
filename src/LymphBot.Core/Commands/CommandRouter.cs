using LymphBot.Core.Chat;
using LymphBot.Core.Questions;
using Microsoft.Extensions.Logging;

namespace LymphBot.Core.Commands;

/// <summary>
/// Decides what the bot does with every incoming message: which command runs, whether a group message is
/// for the bot at all, and what goes to the question path. Nothing thrown by a command escapes: the user
/// gets a short apology and the host keeps running.
/// </summary>
public sealed partial class CommandRouter
{
    private readonly IReadOnlyList<IChatCommand> _commands;
    private readonly Dictionary<string, IChatCommand> _byName;
    private readonly Dictionary<string, IButtonHandler> _buttons;
    private readonly ILocationHandler? _location;
    private readonly IQuestionAnswerer _answerer;
    private readonly UserRateLimiter _rateLimiter;
    private readonly ILogger<CommandRouter> _logger;

    public CommandRouter(
        IEnumerable<IChatCommand> commands,
        IEnumerable<IButtonHandler> buttons,
        IEnumerable<ILocationHandler> locations,
        IQuestionAnswerer answerer,
        UserRateLimiter rateLimiter,
        ILogger<CommandRouter> logger)
    {
        _commands = [.. commands.OrderBy(c => c.Spec.Name, StringComparer.Ordinal)];
        _byName = _commands.ToDictionary(c => c.Spec.Name, StringComparer.OrdinalIgnoreCase);
        _buttons = buttons.ToDictionary(b => b.Prefix, StringComparer.Ordinal);
        _location = locations.SingleOrDefault();
        _answerer = answerer;
        _rateLimiter = rateLimiter;
        _logger = logger;
    }

    public IReadOnlyList<IChatCommand> Commands => _commands;

    /// <summary>Handles one message; <c>null</c> means the bot stays silent.</summary>
    public async Task<Reply?> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var reply = message switch
            {
                { ButtonData: { } data } => await HandleButtonAsync(message, data, cancellationToken),
                { Location: { } location } => await HandleLocationAsync(message, location, cancellationToken),
                _ => await HandleTextAsync(message, cancellationToken),
            };
            return ReferenceEquals(reply, Reply.Silence) ? null : reply;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogHandlerFailed(ex, message.Chat.ToString());
            return Reply.Refusal("Sorry, something went wrong on my side. Please try again in a moment.");
        }
    }

    private async Task<Reply?> HandleTextAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var text = InputText.Clean(message.Text);
        var isGroup = message.Kind == ChatKind.Group;

        if (CommandText.IsCommand(text))
        {
            return await HandleCommandAsync(message, CommandText.Parse(text), isGroup, cancellationToken);
        }

        if (isGroup && !message.AddressesBot)
        {
            return null;
        }

        if (text.Length == 0)
        {
            return Reply.Plain("Send me a question, or /help to see what I can do.");
        }

        if (text.Length > InputText.MaxLength)
        {
            return Reply.Refusal($"That message is too long for me. Please ask in fewer than {InputText.MaxLength} characters.");
        }

        return _rateLimiter.Throttle(message.Sender) ?? await _answerer.AnswerAsync(message, text, cancellationToken);
    }

    private async Task<Reply?> HandleCommandAsync(
        IncomingMessage message, CommandText command, bool isGroup, CancellationToken cancellationToken)
    {
        var addressedToUs = command.TargetBot is not null
            && string.Equals(command.TargetBot, message.BotUsername, StringComparison.OrdinalIgnoreCase);
        if (command.TargetBot is not null && !addressedToUs)
        {
            return null;
        }

        if (!_byName.TryGetValue(command.Name, out var handler))
        {
            // In groups other bots' commands are common; only answer those clearly meant for us.
            if (isGroup && !addressedToUs && !message.AddressesBot)
            {
                return null;
            }

            return UnknownCommand(command.Name);
        }

        // Bad input changes nothing: it gets one line naming the parameter and what it accepts, and the command never runs.
        var parsed = CommandGrammar.Parse(handler.Spec, command.Arguments);
        if (parsed.Invocation is not { } invocation)
        {
            return Reply.Refusal(parsed.Error!);
        }

        var reply = await handler.ExecuteAsync(new CommandContext(message, invocation, _commands), cancellationToken);
        return handler.Spec.Personal && !reply.Private && !ReferenceEquals(reply, Reply.Silence) ? reply with { Private = true } : reply;
    }

    private async Task<Reply?> HandleButtonAsync(IncomingMessage message, string data, CancellationToken cancellationToken)
    {
        // A button press costs as little as a message to send, and some write (votes) or answer (topics).
        if (_rateLimiter.Throttle(message.Sender, UserRateLimiter.ButtonPresses) is { } throttled)
        {
            return throttled;
        }

        var colon = data.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? data : data[..colon];
        var payload = colon < 0 ? string.Empty : data[(colon + 1)..];
        if (!_buttons.TryGetValue(prefix, out var handler))
        {
            return Reply.Refusal("That button no longer works. Send /help to see what I can do.");
        }

        return await handler.HandleAsync(message, payload, cancellationToken);
    }

    // A location is for the bot only in a direct chat, or in a group when it answers the bot; a group shares them for
    // other reasons all the time.
    private async Task<Reply?> HandleLocationAsync(IncomingMessage message, GeoPoint location, CancellationToken cancellationToken)
    {
        if (message.Kind == ChatKind.Group && !message.AddressesBot)
        {
            return null;
        }

        if (_rateLimiter.Throttle(message.Sender) is { } throttled)
        {
            return throttled;
        }

        if (_location is null || !location.IsValid)
        {
            return Reply.Refusal("I can't do anything with that location. Send /help to see what I can do.");
        }

        return await _location.HandleAsync(message, location, cancellationToken);
    }

    internal static Reply UnknownCommand(string name)
    {
        var shown = name.Length == 0 ? string.Empty : name.Length > CommandText.MaxNameLength ? name[..CommandText.MaxNameLength] + "…" : name;
        return shown.Length == 0
            ? Reply.Refusal("I don't know that command. Try /help.")
            : new Reply($"I don't know the command `/{ReplyMarkup.Escape(shown)}`. Try /help.") { Private = true };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a message in {Chat} failed")]
    private partial void LogHandlerFailed(Exception exception, string chat);
}
