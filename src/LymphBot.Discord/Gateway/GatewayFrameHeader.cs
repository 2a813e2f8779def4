using System.Text.Json;

namespace LymphBot.Discord.Gateway;

/// <summary>
/// What the read loop needs from a frame without deserialising it: opcode, sequence, event name, the channel the
/// event belongs to (for per-channel ordering), and the boolean <c>d</c> of an invalid session.
/// </summary>
internal readonly record struct GatewayFrameHeader(int Op, int? Sequence, string? Type, string? ChannelId, bool DataIsTrue)
{
    /// <summary>Reads the envelope in one forward pass; unknown keys and nested objects are skipped.</summary>
    public static GatewayFrameHeader Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        int op = -1;
        int? sequence = null;
        string? type = null;
        string? channelId = null;
        var dataIsTrue = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A gateway frame must be a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8))
            {
                reader.Read();
                op = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                reader.Read();
                sequence = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : null;
            }
            else if (reader.ValueTextEquals("t"u8))
            {
                reader.Read();
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("d"u8))
            {
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.True:
                        dataIsTrue = true;
                        break;
                    case JsonTokenType.StartObject:
                        channelId = ReadChannelId(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new GatewayFrameHeader(op, sequence, type, channelId, dataIsTrue);
    }

    private static string? ReadChannelId(ref Utf8JsonReader reader)
    {
        string? channelId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isChannel = reader.ValueTextEquals("channel_id"u8);
            reader.Read();
            if (isChannel && reader.TokenType == JsonTokenType.String)
            {
                channelId = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return channelId;
    }
}
