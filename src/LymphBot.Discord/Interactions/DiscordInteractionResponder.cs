using System.Text.Json;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Discord.Gateway;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.Rest;
using LymphBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.Interactions;

/// <summary>
/// Answers slash commands and button presses within Discord's 3 seconds: directly (type 4) when the reply is
/// ready within the budget counted from local receipt, otherwise a deferral (type 5, "thinking…") followed by an
/// edit of the original response. The deferral is guaranteed by a timer, whatever the handler blocks on.
/// </summary>
internal sealed partial class DiscordInteractionResponder(
    CommandRouter router,
    CommandSuggestions suggestions,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordInteractionResponder> logger)
{
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int DeferredUpdate = 6;
    public const int UpdateMessage = 7;

    private readonly ILogger<DiscordInteractionResponder> _logger = logger;

    public async Task RespondAsync(DiscordInteraction interaction, BotIdentity self, long receivedAt, CancellationToken cancellationToken)
    {
        if (DiscordMapping.FromInteraction(interaction, self, Find) is not { } message)
        {
            return;
        }

        if (interaction.Type == DiscordMapping.AutocompleteInteraction)
        {
            await SuggestAsync(interaction, message, receivedAt, cancellationToken);
            return;
        }

        var applicationId = interaction.ApplicationId ?? self.ApplicationId;
        var isComponent = interaction.Type == DiscordMapping.ComponentInteraction;
        using var budgetCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The handler runs on the thread pool, raced by a timer: a handler that blocks its thread instead of yielding
        // (Microsoft.Data.Sqlite's async calls run synchronously, so a locked database blocks the caller) would
        // otherwise hold this method until it finished, and the deferral would come after Discord's 3 seconds.
        var work = Task.Run(() => router.HandleAsync(message, cancellationToken), CancellationToken.None);
        var remaining = options.Value.InteractionAnswerBudget - time.GetElapsedTime(receivedAt);
        var ready = work.IsCompleted;
        if (!ready && remaining > TimeSpan.Zero)
        {
            var timer = Task.Delay(remaining, time, budgetCts.Token);
            ready = await Task.WhenAny(work, timer) == work;
            await budgetCts.CancelAsync();
        }

        try
        {
            if (ready)
            {
                await AnswerAsync(interaction, applicationId, await work, isComponent, cancellationToken);
            }
            else if (isComponent)
            {
                await DeferPressThenFinishAsync(interaction, applicationId, work, cancellationToken);
            }
            else
            {
                await DeferThenEditAsync(interaction, applicationId, work, DefersPrivately(message), cancellationToken);
            }
        }
        catch (DiscordRestException ex) when (ex.Code is DiscordErrorCodes.InteractionAlreadyAcknowledged or DiscordErrorCodes.UnknownInteraction or DiscordErrorCodes.UnknownWebhook)
        {
            // Answered twice (a second instance on the same token?) or too late: a bug to fix, not to retry.
            LogInteractionBug(ex.Code, ex.Route, time.GetElapsedTime(receivedAt).TotalMilliseconds);
        }
    }

    private static MessagePayload[] Render(Reply reply) => [.. DiscordRendering.ToMessages(reply)];

    /// <summary>What the pressed message becomes: the reply's text and buttons, none left when the reply has none.</summary>
    private static MessagePayload Replacement(MessagePayload reply) => new() { Content = reply.Content, Components = reply.Components ?? [] };

    /// <summary>
    /// Autocomplete: the values Core offers for the option being typed, within the same budget as an answer. A
    /// suggester held up (a busy database blocks its caller) gives no choices rather than a late answer Discord drops.
    /// </summary>
    private async Task SuggestAsync(DiscordInteraction interaction, IncomingMessage message, long receivedAt, CancellationToken cancellationToken)
    {
        var name = interaction.Data?.Name ?? string.Empty;
        IReadOnlyList<ValueSuggestion> found = [];
        if (Find(name) is { } spec && DiscordMapping.Focused(interaction) is var (subcommand, option, typed))
        {
            using var budgetCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var work = Task.Run(() => suggestions.SuggestAsync(message, spec, subcommand, option, typed, budgetCts.Token), CancellationToken.None);
            var remaining = options.Value.InteractionAnswerBudget - time.GetElapsedTime(receivedAt);
            if (remaining > TimeSpan.Zero && await Task.WhenAny(work, Task.Delay(remaining, time, budgetCts.Token)) == work)
            {
                found = await work;
            }
            else
            {
                LogSuggestionsLate(name, option);
            }

            await budgetCts.CancelAsync();
            var integer = IsInteger(spec, subcommand, option);
            var choices = found.Select(s => new AutocompleteChoice(s.Label, integer && long.TryParse(s.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? JsonSerializer.SerializeToElement(number, DiscordJsonContext.Default.Int64)
                : JsonSerializer.SerializeToElement(s.Value, DiscordJsonContext.Default.String))).ToList();
            await rest.RespondToAutocompleteAsync(interaction.Id, interaction.Token, new AutocompleteCallback { Data = new AutocompleteChoices { Choices = choices } }, cancellationToken);
            return;
        }

        await rest.RespondToAutocompleteAsync(interaction.Id, interaction.Token, new AutocompleteCallback { Data = new AutocompleteChoices { Choices = [] } }, cancellationToken);
    }

    private static bool IsInteger(CommandSpec spec, string? subcommand, string option) =>
        (subcommand is null ? spec.Parameters : spec.FindSubcommand(subcommand)?.Parameters ?? [])
            .FirstOrDefault(p => p.Name == option)?.Kind is ParameterKind.Id or ParameterKind.Count;

    /// <summary>Moderator commands and personal ones ("thinking…" included) are seen by the asker alone.</summary>
    private bool DefersPrivately(IncomingMessage message) =>
        message.ButtonData is null && CommandText.IsCommand(message.Text)
        && Find(CommandText.Parse(message.Text).Name) is { } spec && (spec.Audience == CommandAudience.Moderators || spec.Personal);

    private CommandSpec? Find(string name) =>
        router.Commands.FirstOrDefault(c => string.Equals(c.Spec.Name, name, StringComparison.OrdinalIgnoreCase))?.Spec;

    private async Task AnswerAsync(DiscordInteraction interaction, string applicationId, Reply? reply, bool isComponent, CancellationToken cancellationToken)
    {
        if (reply is null && isComponent)
        {
            await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, new InteractionCallback { Type = DeferredUpdate }, cancellationToken);
            return;
        }

        var messages = Render(reply ?? new Reply("✓") { Private = true });
        if (isComponent && reply is { ReplacesPressedMessage: true } && messages.Length == 1)
        {
            await rest.RespondToInteractionAsync(
                interaction.Id, interaction.Token, new InteractionCallback { Type = UpdateMessage, Data = Replacement(messages[0]) }, cancellationToken);
            return;
        }

        await rest.RespondToInteractionAsync(
            interaction.Id,
            interaction.Token,
            new InteractionCallback { Type = ChannelMessage, Data = messages[0] },
            cancellationToken);
        foreach (var extra in messages.Skip(1))
        {
            await rest.CreateFollowupAsync(applicationId, interaction.Token, extra, cancellationToken);
        }
    }

    private async Task DeferThenEditAsync(DiscordInteraction interaction, string applicationId, Task<Reply?> work, bool ephemeral, CancellationToken cancellationToken)
    {
        var deferral = new InteractionCallback
        {
            Type = DeferredChannelMessage,
            Data = ephemeral ? new MessagePayload { AllowedMentions = null, Flags = DiscordRendering.EphemeralFlag } : null,
        };
        await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, deferral, cancellationToken);
        LogDeferred(interaction.Data?.Name ?? interaction.Data?.CustomId);

        var reply = await work ?? new Reply("✓") { Private = true };
        var messages = Render(reply);
        if (reply.Private && !ephemeral)
        {
            // A public "thinking…" cannot become private: remove it and answer privately.
            await rest.DeleteOriginalAsync(applicationId, interaction.Token, cancellationToken);
            foreach (var message in messages)
            {
                await rest.CreateFollowupAsync(applicationId, interaction.Token, message, cancellationToken);
            }

            return;
        }

        await rest.EditOriginalAsync(applicationId, interaction.Token, messages[0] with { Flags = null }, cancellationToken);
        foreach (var extra in messages.Skip(1))
        {
            await rest.CreateFollowupAsync(applicationId, interaction.Token, extra, cancellationToken);
        }
    }

    /// <summary>
    /// A slow button press: acknowledged with type 6 (nothing visible changes yet), then the pressed message is edited
    /// when the reply replaces it, or the reply follows as a new message otherwise.
    /// </summary>
    private async Task DeferPressThenFinishAsync(DiscordInteraction interaction, string applicationId, Task<Reply?> work, CancellationToken cancellationToken)
    {
        await rest.RespondToInteractionAsync(interaction.Id, interaction.Token, new InteractionCallback { Type = DeferredUpdate }, cancellationToken);
        LogDeferred(interaction.Data?.CustomId);
        if (await work is not { } reply)
        {
            return;
        }

        var messages = Render(reply);
        if (reply.ReplacesPressedMessage && messages.Length == 1)
        {
            await rest.EditOriginalAsync(applicationId, interaction.Token, Replacement(messages[0]), cancellationToken);
            return;
        }

        foreach (var message in messages)
        {
            await rest.CreateFollowupAsync(applicationId, interaction.Token, message, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord autocomplete for /{Name} {Option}: no suggestions within the budget; none offered")]
    private partial void LogSuggestionsLate(string name, string option);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord interaction {Name} deferred: the reply was not ready within the budget")]
    private partial void LogDeferred(string? name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord interaction response failed with {Code} on {Route} after {ElapsedMs:0} ms: answered twice (another instance running on this token?) or too late")]
    private partial void LogInteractionBug(int code, string route, double elapsedMs);
}
