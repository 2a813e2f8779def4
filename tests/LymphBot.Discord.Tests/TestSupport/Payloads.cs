using System.Text.Json;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>Small, hand-written event payloads in Discord's shapes (the recorded ones live in ../shared).</summary>
public static class Payloads
{
    public const string BotId = "900000000000000001";
    public const string BotName = "LymphTestBot";
    public const string ApplicationId = "800000000000000001";
    public const string UserId = "100000000000000001";
    public const string DmChannelId = "200000000000000001";
    public const string GuildId = "300000000000000001";
    public const string GuildChannelId = "400000000000000001";

    public static string Ready(string sessionId = "session-1", string? resumeUrl = null) => $$$"""
        {"v":10,"user":{"id":"{{{BotId}}}","username":"{{{BotName}}}","bot":true,"discriminator":"0"},
         "session_id":"{{{sessionId}}}","resume_gateway_url":{{{Str(resumeUrl)}}},"shard":[0,1],
         "guilds":[{"id":"{{{GuildId}}}","unavailable":true}],"application":{"id":"{{{ApplicationId}}}","flags":0},
         "geo_ordered_rtc_regions":["x"],"_trace":["stand-in"]}
        """;

    public static string DirectMessage(string content, string messageId = "500000000000000001", string authorId = UserId, bool bot = false, string channelId = DmChannelId) => $$$"""
        {"id":"{{{messageId}}}","channel_id":"{{{channelId}}}","type":0,"content":{{{Str(content)}}},
         "author":{"id":"{{{authorId}}}","username":"ada","global_name":"Ada","bot":{{{(bot ? "true" : "false")}}},"public_flags":0},
         "mentions":[],"attachments":[],"embeds":[],"timestamp":"2026-11-23T08:00:00.000000+00:00","tts":false,"flags":0,"nonce":"1"}
        """;

    public static string GuildMessage(string content, bool mentionBot, string messageId = "500000000000000002", string authorId = UserId, string? webhookId = null)
    {
        var mentions = mentionBot ? $$$"""[{"id":"{{{BotId}}}","username":"{{{BotName}}}","bot":true}]""" : "[]";
        return $$$"""
            {"id":"{{{messageId}}}","channel_id":"{{{GuildChannelId}}}","guild_id":"{{{GuildId}}}","type":0,"content":{{{Str(content)}}},
             "author":{"id":"{{{authorId}}}","username":"ada","global_name":null},
             "member":{"roles":["700000000000000001","700000000000000002"],"nick":null,"hoisted_role":null},
             "mentions":{{{mentions}}},"webhook_id":{{{Str(webhookId)}}},"mention_roles":[],"mention_everyone":false}
            """;
    }

    /// <summary>A slash command; <paramref name="options"/> as name/value pairs of string options.</summary>
    public static string SlashCommand(string name, string interactionId = "600000000000000001", string token = "interaction-token-1", bool inGuild = true, string permissions = "0", params (string Name, string Value)[] options)
    {
        var optionJson = string.Join(",", options.Select(o => $$$"""{"name":"{{{o.Name}}}","type":3,"value":{{{Str(o.Value)}}}}"""));
        var user = $$$"""{"id":"{{{UserId}}}","username":"ada","global_name":"Ada"}""";
        var who = inGuild
            ? $$$"""
                "guild_id":"{{{GuildId}}}","member":{"user":{{{user}}},"roles":["700000000000000001"],"permissions":"{{{permissions}}}"}
                """
            : $$$"""
                "user":{{{user}}}
                """;
        var channel = inGuild ? GuildChannelId : DmChannelId;
        return $$$"""
            {"id":"{{{interactionId}}}","application_id":"{{{ApplicationId}}}","type":2,"token":"{{{token}}}","version":1,
             "channel_id":"{{{channel}}}",{{{who}}},"app_permissions":"442368","locale":"en-US",
             "data":{"id":"1","name":"{{{name}}}","type":1,"options":[{{{optionJson}}}]}}
            """;
    }

    /// <summary>A slash command with a subcommand whose options are integers (values as Discord sends them: JSON numbers).</summary>
    public static string SlashSubcommand(string name, string subcommand, params (string Name, string Number)[] options)
    {
        var optionJson = string.Join(",", options.Select(o => $$$"""{"name":"{{{o.Name}}}","type":4,"value":{{{o.Number}}}}"""));
        return $$$"""
            {"id":"600000000000000002","application_id":"{{{ApplicationId}}}","type":2,"token":"interaction-token-2","version":1,
             "channel_id":"{{{DmChannelId}}}","user":{"id":"{{{UserId}}}","username":"ada"},"app_permissions":"442368","locale":"en-US",
             "data":{"id":"1","name":"{{{name}}}","type":1,"options":[{"name":"{{{subcommand}}}","type":1,"options":[{{{optionJson}}}]}]}}
            """;
    }

    /// <summary>A slash command in a DM with the given <c>options</c> array, as raw JSON.</summary>
    public static string SlashCommandWithOptions(string name, string optionsJson) => $$$"""
        {"id":"600000000000000003","application_id":"{{{ApplicationId}}}","type":2,"token":"interaction-token-3","version":1,
         "channel_id":"{{{DmChannelId}}}","user":{"id":"{{{UserId}}}","username":"ada"},"app_permissions":"442368","locale":"en-US",
         "data":{"id":"1","name":"{{{name}}}","type":1,"options":{{{optionsJson}}}}}
        """;

    /// <summary><c>/remind add time:8:00</c> used in <paramref name="context"/>, allowed by the installs in <paramref name="ownersJson"/>.</summary>
    public static string SlashCommandThroughInstall(int context, string ownersJson, bool inGuild)
    {
        var user = $$$"""{"id":"{{{UserId}}}","username":"ada"}""";
        var who = inGuild ? $$$"""{"guild_id":"{{{GuildId}}}","member":{"user":{{{user}}},"roles":[],"permissions":"0"}}"""[1..^1] : $$$"""{"user":{{{user}}}}"""[1..^1];
        return $$$"""
            {"id":"600000000000000004","application_id":"{{{ApplicationId}}}","type":2,"token":"interaction-token-4","version":1,
             "channel_id":"900000000000000077",{{{who}}},"context":{{{context}}},"authorizing_integration_owners":{{{ownersJson}}},
             "data":{"id":"1","name":"remind","type":1,"options":[{"name":"add","type":1,"options":[{"name":"time","type":3,"value":"8:00"}]}]}}
            """;
    }

    /// <summary>An autocomplete interaction (type 4) in a guild: <paramref name="option"/> is focused with <paramref name="typed"/> so far.</summary>
    public static string Autocomplete(string name, string? subcommand, string option, string typed, int optionType = 3, string interactionId = "600000000000000005")
    {
        var focused = $$$"""{"name":"{{{option}}}","type":{{{optionType}}},"value":{{{Str(typed)}}},"focused":true}""";
        var options = subcommand is null ? focused : $$$"""{"name":"{{{subcommand}}}","type":1,"options":[{{{focused}}}]}""";
        return $$$"""
            {"id":"{{{interactionId}}}","application_id":"{{{ApplicationId}}}","type":4,"token":"autocomplete-token","version":1,
             "channel_id":"{{{GuildChannelId}}}","guild_id":"{{{GuildId}}}","member":{"user":{"id":"{{{UserId}}}","username":"ada"},"roles":[],"permissions":"0"},
             "data":{"id":"1","name":"{{{name}}}","type":1,"options":[{{{options}}}]}}
            """;
    }

    public static string ButtonPress(string customId, string interactionId = "600000000000000009", string token = "interaction-token-9") => $$$"""
        {"id":"{{{interactionId}}}","application_id":"{{{ApplicationId}}}","type":3,"token":"{{{token}}}","version":1,
         "channel_id":"{{{DmChannelId}}}","user":{"id":"{{{UserId}}}","username":"ada"},
         "message":{"id":"1","channel_id":"{{{DmChannelId}}}"},"data":{"custom_id":"{{{customId}}}","component_type":2}}
        """;

    public static string Frame(string type, int sequence, string data) => $$$"""{"t":"{{{type}}}","s":{{{sequence}}},"op":0,"d":{{{data}}}}""";

    private static string Str(string? value) => value is null ? "null" : JsonSerializer.Serialize(value);
}
