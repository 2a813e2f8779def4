using System.Text.RegularExpressions;
using System.Xml.Linq;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Tests.Packaging;

/// <summary>No Docker engine runs here, so the Dockerfile is checked against the real project instead.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Dockerfile"));

    [Fact]
    public void BuildStage_CopiesOnlyPathsThatExist()
    {
        var sources = Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(
            File.Exists(Path.Combine(RepositoryPaths.Root, s)) || Directory.Exists(Path.Combine(RepositoryPaths.Root, s)),
            $"Dockerfile copies '{s}', which is not in the repository"));
    }

    [Fact]
    public void Entrypoint_RunsTheHostAssembly_FromThePublishFolder()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "LymphBot", "LymphBot.csproj"));
        var assembly = project.Descendants("AssemblyName").Single().Value + ".dll";

        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}\"]", Lines);
        var publish = Assert.Single(Lines, l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("dotnet publish src/LymphBot -c Release -o /app/publish", publish, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /app/publish ./", Lines);
        Assert.Contains("WORKDIR /app", Lines);
    }

    [Fact]
    public void RuntimeStage_RunsAsNonRoot_WithDataVolume()
    {
        var runtime = Lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();

        var user = Assert.Single(runtime, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.NotEqual("USER root", user);
        Assert.Contains("VOLUME /app/data", runtime);
        Assert.Contains(runtime, l => l.Contains("chown app:app /app/data", StringComparison.Ordinal));
    }

    [Fact]
    public void Container_ListensOnAllInterfaces_AndChecksHealthWithTheProbeVerb()
    {
        Assert.Contains(Lines, l => l.Contains("Http__Urls=http://0.0.0.0:8080", StringComparison.Ordinal));
        Assert.Contains("EXPOSE 8080", Lines);
        var check = Assert.Single(Lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains("CMD [\"dotnet\", \"LymphBot.dll\", \"probe\", \"http://127.0.0.1:8080/healthz\"]", check, StringComparison.Ordinal);
        Assert.Equal(LymphBot.Cli.CliVerb.Probe, LymphBot.Cli.CliParser.Parse(["probe", "http://127.0.0.1:8080/healthz"]).Verb);
    }

    [Fact]
    public void Images_MatchTheTargetFramework()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var version = TargetFramework().Match(props).Groups[1].Value;

        Assert.All(Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)), l => Assert.Contains($":{version} ", l, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"<TargetFramework>net(\d+\.\d+)</TargetFramework>")]
    private static partial Regex TargetFramework();
}
