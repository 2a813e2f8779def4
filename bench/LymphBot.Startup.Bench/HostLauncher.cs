namespace LymphBot.Startup.Bench;

/// <summary>
/// Which host build the bench runs, and what every start of it gets on top of the scenario's own settings: the
/// bench's <c>--Key=Value</c> arguments and <c>--env=NAME=VALUE</c> variables (runtime knobs such as
/// <c>DOTNET_TieredPGO=0</c>, to try one on every case).
/// </summary>
internal sealed record HostLauncher(string Assembly, string[] Arguments, IReadOnlyDictionary<string, string> Environment)
{
    public HostProcess Start(BenchData data, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var merged = new Dictionary<string, string>(Environment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return HostProcess.Start(Assembly, data.Folder, [.. arguments, .. data.Configuration, .. Arguments], merged);
    }
}
