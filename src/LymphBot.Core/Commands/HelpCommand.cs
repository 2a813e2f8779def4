using System.Text;
using LymphBot.Core.Chat;

namespace LymphBot.Core.Commands;

/// <summary>Lists the registered commands, or shows one in detail; generated, so it never goes stale.</summary>
public sealed class HelpCommand : IChatCommand
{
    public string Name => "help";

    public string Usage => "/help [command]";

    public string Description => "List my commands, or show one in detail";

    public IReadOnlyList<string> Examples => ["/help", "/help remind"];

    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reply = context.Words.Count switch
        {
            0 => ListAll(context.Commands),
            1 => Detail(context.Commands, context.Words[0].TrimStart('/')),
            _ => Reply.Plain("Send /help for all commands, or /help followed by one command name, like /help remind."),
        };
        return Task.FromResult(reply);
    }

    private static Reply ListAll(IReadOnlyList<IChatCommand> commands)
    {
        var sb = new StringBuilder("**Commands**\n");
        foreach (var command in commands)
        {
            sb.Append(ReplyMarkup.Escape(command.Usage)).Append(" — ").Append(ReplyMarkup.Escape(command.Description)).Append('\n');
        }

        sb.Append("\nIn a direct chat you can also just type a question. Send /help <command> for details.");
        return new Reply(sb.ToString());
    }

    private static Reply Detail(IReadOnlyList<IChatCommand> commands, string name)
    {
        var command = commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            var shown = name.Length > CommandText.MaxNameLength ? name[..CommandText.MaxNameLength] + "…" : name;
            return new Reply($"There is no `/{ReplyMarkup.Escape(shown)}` command. Send /help for the list.");
        }

        var sb = new StringBuilder();
        sb.Append("**").Append(ReplyMarkup.Escape(command.Usage)).Append("**\n").Append(ReplyMarkup.Escape(command.Description));
        if (command.Examples.Count > 0)
        {
            sb.Append("\n\nExamples:");
            foreach (var example in command.Examples)
            {
                sb.Append("\n`").Append(ReplyMarkup.Escape(example)).Append('`');
            }
        }

        return new Reply(sb.ToString());
    }
}
