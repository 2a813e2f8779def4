namespace LymphBot.Cli;

public static class CliUsage
{
    public const string Text = """
        LymphBot: answers, reminders and tips for health-routine communities on Telegram and Discord.

        Usage:
          lymphbot [run]                      Run the bot (console chat when no platform token is configured)
          lymphbot ask [--json] [QUESTION]    Answer one question, or one per line from standard input
          lymphbot kb check                   Validate the knowledge base
          lymphbot kb eval FILE.tsv           Score a question set: misses, confusion table, red-flag recall
                                              (--verbose: every question, not only the misses)
          lymphbot kb export                  Write moderator-approved phrasings into the entry files
          lymphbot probe [URL]                Exit 0 if URL (default http://127.0.0.1:8080/healthz) answers 2xx
          lymphbot --help                     Show this help

        Options for every command:
          --Section:Key=value                 Override a configuration value, e.g. --Storage:Provider=Postgres

        Configuration comes from appsettings.json, then environment variables (Section__Key), then the command line.
        Exit codes: 0 success, 1 failure, 2 bad command line or configuration.
        """;
}
