using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace LymphBot.Telegram;

/// <summary>
/// Checks <see cref="TelegramOptions"/> at start. Messages name the key, the value and what is allowed, except for
/// secrets (token, webhook secret), whose values are never repeated.
/// </summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Token) && !TokenShape().IsMatch(options.Token))
        {
            failures.Add("Telegram:Token is not valid: use the token @BotFather gave you, <bot id>:<secret>.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            failures.Add(Invalid("Telegram:ApiBaseUrl", options.ApiBaseUrl, "use an absolute http or https URL such as https://api.telegram.org"));
        }

        if (!Enum.TryParse<TelegramMode>(options.Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(options.Mode, out _))
        {
            failures.Add(Invalid("Telegram:Mode", options.Mode, "use Polling or Webhook"));
        }
        else if (mode == TelegramMode.Webhook)
        {
            ValidateWebhook(options, failures);
        }

        Positive(failures, "Telegram:MessagesPerSecond", options.MessagesPerSecond, allowZero: false);
        Positive(failures, "Telegram:GroupMessagesPerMinute", options.GroupMessagesPerMinute, allowZero: false);
        Positive(failures, "Telegram:MaxQueuedUpdates", options.MaxQueuedUpdates, allowZero: false);
        Duration(failures, "Telegram:ChatInterval", options.ChatInterval, allowZero: true);
        Duration(failures, "Telegram:PacingMargin", options.PacingMargin, allowZero: true);
        Duration(failures, "Telegram:RetryDelay", options.RetryDelay, allowZero: true);
        Duration(failures, "Telegram:RequestTimeout", options.RequestTimeout, allowZero: false);
        Bounded(failures, "Telegram:PollTimeout", options.PollTimeout, TimeSpan.FromMinutes(5));
        Bounded(failures, "Telegram:MinPollInterval", options.MinPollInterval, TimeSpan.FromMinutes(1));
        Bounded(failures, "Telegram:ReplyRetryWindow", options.ReplyRetryWindow, TimeSpan.FromHours(1));
        Bounded(failures, "Telegram:StartHold", options.StartHold, TimeSpan.FromMinutes(1));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsValidSecret(string? secret) => secret is not null && SecretShape().IsMatch(secret);

    private static void ValidateWebhook(TelegramOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            failures.Add("Telegram:WebhookUrl is required when Telegram:Mode is Webhook (e.g. https://bot.example.org/telegram/webhook).");
        }
        else if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme != "https")
        {
            failures.Add(Invalid("Telegram:WebhookUrl", options.WebhookUrl, "use an absolute https URL such as https://bot.example.org/telegram/webhook"));
        }

        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            failures.Add("Telegram:WebhookSecret is required when Telegram:Mode is Webhook (1-256 characters of A-Z a-z 0-9 _ -).");
        }
        else if (!IsValidSecret(options.WebhookSecret))
        {
            failures.Add("Telegram:WebhookSecret is not valid: use 1-256 characters of A-Z a-z 0-9 _ -.");
        }
    }

    private static void Positive(List<string> failures, string key, int value, bool allowZero)
    {
        if (value < 0 || (value == 0 && !allowZero))
        {
            failures.Add(Invalid(key, value, allowZero ? "use 0 or a positive whole number" : "use a positive whole number"));
        }
    }

    private static void Duration(List<string> failures, string key, TimeSpan value, bool allowZero)
    {
        if (value < TimeSpan.Zero || (value == TimeSpan.Zero && !allowZero))
        {
            failures.Add(Invalid(key, value, "use a positive duration such as 00:00:01 (hh:mm:ss)"));
        }
    }

    private static void Bounded(List<string> failures, string key, TimeSpan value, TimeSpan max)
    {
        if (value < TimeSpan.Zero || value > max)
        {
            failures.Add(Invalid(key, value, $"use a duration from 00:00:00 to {max:hh\\:mm\\:ss}"));
        }
    }

    private static string Invalid(string key, object? value, string allowed) => $"{key} = '{value}' is not valid: {allowed}.";

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
