using System.Globalization;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord;

/// <summary>One line per bad value, in the host's shape: <c>key = 'value' is not valid: what is allowed.</c></summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token) || options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Token is not valid: set the bot token from the Developer Portal (Bot page), without the 'Bot ' prefix.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add(Invalid("Discord:ApiBaseUrl", options.ApiBaseUrl, "use an absolute http(s) URL such as https://discord.com/api/v10"));
        }

        if (options.GatewayUrl is { } gateway && (!gateway.IsAbsoluteUri || gateway.Scheme is not ("wss" or "ws")))
        {
            failures.Add(Invalid("Discord:GatewayUrl", gateway, "use a wss:// URL such as wss://gateway.discord.gg, or leave it unset"));
        }

        for (var i = 0; i < options.GuildIds.Count; i++)
        {
            if (!ulong.TryParse(options.GuildIds[i], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                failures.Add(Invalid($"Discord:GuildIds:{i}", options.GuildIds[i], "use a server id (a number; Developer Mode > Copy Server ID)"));
            }
        }

        if (options.ShardCount < 1)
        {
            failures.Add(Invalid("Discord:ShardCount", options.ShardCount, "use a whole number of 1 or more"));
        }
        else if (options.ShardId < 0 || options.ShardId >= options.ShardCount)
        {
            failures.Add(Invalid("Discord:ShardId", options.ShardId, $"use a whole number from 0 to {options.ShardCount - 1} (Discord:ShardCount - 1)"));
        }

        RequirePositive(failures, "Discord:InteractionAnswerBudget", options.InteractionAnswerBudget, TimeSpan.FromSeconds(2.5));
        RequirePositive(failures, "Discord:ReconnectDelayMin", options.ReconnectDelayMin, null);
        RequirePositive(failures, "Discord:ReconnectDelayMax", options.ReconnectDelayMax, null);
        RequirePositive(failures, "Discord:MaxRateLimitWait", options.MaxRateLimitWait, null);
        RequirePositive(failures, "Discord:ReplyRetryWindow", options.ReplyRetryWindow, TimeSpan.FromHours(1));
        if (options.ReidentifyDelayMin < TimeSpan.Zero || options.ReidentifyDelayMax < options.ReidentifyDelayMin)
        {
            failures.Add(Invalid("Discord:ReidentifyDelayMax", options.ReidentifyDelayMax, "use a duration not below Discord:ReidentifyDelayMin, such as 00:00:05"));
        }

        if (options.ReconnectDelayMax < options.ReconnectDelayMin)
        {
            failures.Add(Invalid("Discord:ReconnectDelayMax", options.ReconnectDelayMax, "use a duration not below Discord:ReconnectDelayMin, such as 00:01:00"));
        }

        if (options.GlobalRequestsPerSecond < 1)
        {
            failures.Add(Invalid("Discord:GlobalRequestsPerSecond", options.GlobalRequestsPerSecond, "use a whole number of 1 or more (Discord's default is 50)"));
        }

        if (options.MaxConcurrentHandlers < 1)
        {
            failures.Add(Invalid("Discord:MaxConcurrentHandlers", options.MaxConcurrentHandlers, "use a whole number of 1 or more"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string key, TimeSpan value, TimeSpan? max)
    {
        if (value <= TimeSpan.Zero || (max is { } limit && value > limit))
        {
            var allowed = max is { } m
                ? $"use a duration above 0 and at most {m.ToString("c", CultureInfo.InvariantCulture)}"
                : "use a duration above 0 such as 00:00:01";
            failures.Add(Invalid(key, value, allowed));
        }
    }

    private static string Invalid(string key, object? value, string allowed) =>
        string.Create(CultureInfo.InvariantCulture, $"{key} = '{value}' is not valid: {allowed}.");
}
