using System.Globalization;
using System.Text;

namespace LymphBot.Discord.Bench;

/// <summary>MESSAGE_CREATE frames shaped like Discord's: DM questions and guild chatter over many channels.</summary>
internal static class BenchFrames
{
    public const string BotId = "900000000000000001";
    public const string ApplicationId = "800000000000000001";

    public static byte[] Hello(int intervalMs) =>
        Encoding.UTF8.GetBytes($$$"""{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":{{{intervalMs}}},"_trace":["bench"]}}""");

    public static byte[] Ready() => Encoding.UTF8.GetBytes($$$"""
        {"t":"READY","s":1,"op":0,"d":{"v":10,"user":{"id":"{{{BotId}}}","username":"LymphBot","bot":true},"session_id":"bench",
        "resume_gateway_url":null,"guilds":[],"application":{"id":"{{{ApplicationId}}}"},"_trace":["bench"]}}
        """);

    /// <summary>Every other frame a DM question (answered), the rest guild chatter the bot ignores.</summary>
    public static byte[][] Messages(int count, int channels, bool allQuestions)
    {
        var frames = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var channel = (200_000_000_000_000_000L + (i % channels)).ToString(CultureInfo.InvariantCulture);
            var user = (100_000_000_000_000_000L + (i % channels)).ToString(CultureInfo.InvariantCulture);
            var sequence = i + 2;
            var question = allQuestions || i % 2 == 0;
            var guild = question ? string.Empty : "\"guild_id\":\"300000000000000001\",\"member\":{\"roles\":[\"1\",\"2\"],\"nick\":null},";
            var content = question ? "does lymphatic massage help with swelling after surgery?" : "anyone up for lunch today?";
            frames[i] = Encoding.UTF8.GetBytes($$$"""
                {"t":"MESSAGE_CREATE","s":{{{sequence}}},"op":0,"d":{"type":0,"tts":false,"timestamp":"2026-11-23T08:00:00.000000+00:00",
                "pinned":false,"nonce":"{{{i}}}","mentions":[],"mention_roles":[],"mention_everyone":false,{{{guild}}}
                "id":"{{{500_000_000_000_000_000L + i}}}","flags":0,"embeds":[],"edited_timestamp":null,"content":"{{{content}}}",
                "channel_id":"{{{channel}}}","author":{"username":"member{{{i % channels}}}","public_flags":0,"id":"{{{user}}}",
                "global_name":"Member","avatar":"32309dbaaf65eae4c58a351318f44c9d"},"attachments":[]}}
                """);
        }

        return frames;
    }
}
