namespace LymphBot.Cli;

public enum CliVerb
{
    Run,
    Ask,
    Kb,
    Probe,
    Help,
}
