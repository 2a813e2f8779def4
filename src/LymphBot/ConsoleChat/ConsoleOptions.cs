namespace LymphBot.ConsoleChat;

/// <summary>The terminal chat. Section <c>Console</c>.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>
    /// <c>true</c> or <c>false</c> switches the console chat explicitly. Unset (the default) means on when no
    /// platform token (<c>Telegram:Token</c>, <c>Discord:Token</c>) is configured.
    /// </summary>
    public bool? Enabled { get; set; }
}
