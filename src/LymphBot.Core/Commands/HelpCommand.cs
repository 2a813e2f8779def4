using System.Text;
using LymphBot.Core.Chat;

namespace LymphBot.Core.Commands;

/// <summary>Lists the registered commands, or shows one in detail; generated from their declarations, so it never goes stale.</summary>
public sealed class HelpCommand : IChatCommand
{
    public CommandSpec Spec { get; } = new("help", "List my commands, or show one in detail")
    {
        Parameters = [new CommandParameter("command", ParameterKind.Text, "A command to explain, for example remind") { Required = false, Examples = ["remind"] }],
        Examples = ["/help", "/help remind"],
    };

    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reply = context.Invocation.GetText("command") switch
        {
            null => ListAll(context.Commands),
            var name when name.Contains(' ', StringComparison.Ordinal) =>
                Reply.Plain("Send /help for all commands, or /help followed by one command name, like /help remind."),
            var name => Detail(context.Commands, name.TrimStart('/')),
        };
        return Task.FromResult(reply);
    }

    private static Reply ListAll(IReadOnlyList<IChatCommand> commands)
    {
        var sb = new StringBuilder("**Commands**\n");
        foreach (var spec in commands.Select(c => c.Spec))
        {
            sb.Append(ReplyMarkup.Escape(spec.Usage)).Append(" — ").Append(ReplyMarkup.Escape(spec.Description)).Append('\n');
        }

        sb.Append("\nIn a direct chat you can also just type a question. Send /help <command> for details.");
        return new Reply(sb.ToString());
    }

    private static Reply Detail(IReadOnlyList<IChatCommand> commands, string name)
    {
        var spec = commands.Select(c => c.Spec).FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (spec is null)
        {
            var shown = name.Length > CommandText.MaxNameLength ? name[..CommandText.MaxNameLength] + "…" : name;
            return new Reply($"There is no `/{ReplyMarkup.Escape(shown)}` command. Send /help for the list.");
        }

        var sb = new StringBuilder();
        sb.Append("**/").Append(ReplyMarkup.Escape(spec.Name)).Append("** — ").Append(ReplyMarkup.Escape(spec.Description));
        if (spec.Subcommands.Count == 0)
        {
            sb.Append("\n`").Append(ReplyMarkup.Escape(spec.UsageLines[0])).Append('`');
            AppendParameters(sb, spec.Parameters);
        }

        for (var i = 0; i < spec.Subcommands.Count; i++)
        {
            var sub = spec.Subcommands[i];
            sb.Append("\n`").Append(ReplyMarkup.Escape(spec.UsageLines[i])).Append("` — ").Append(ReplyMarkup.Escape(sub.Description));
            if (sub.Audience == CommandAudience.Moderators && spec.Audience != CommandAudience.Moderators)
            {
                sb.Append(" (moderators)");
            }
        }

        if (spec.DefaultSubcommand is { } fallback)
        {
            sb.Append("\nThe word ").Append(fallback).Append(" can be left out.");
        }

        if (spec.Examples.Count > 0)
        {
            sb.Append("\n\nExamples:");
            foreach (var example in spec.Examples)
            {
                sb.Append("\n`").Append(ReplyMarkup.Escape(example)).Append('`');
            }
        }

        return new Reply(sb.ToString());
    }

    private static void AppendParameters(StringBuilder sb, IReadOnlyList<CommandParameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            sb.Append("\n• ").Append(ReplyMarkup.Escape(parameter.Placeholder)).Append(": ").Append(ReplyMarkup.Escape(parameter.Description));
        }
    }
}
