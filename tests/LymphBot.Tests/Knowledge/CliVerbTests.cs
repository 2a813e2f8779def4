using System.Text.Json;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Knowledge;

/// <summary><c>lymphbot ask</c> and <c>lymphbot kb</c> as processes, from the repository root as the README shows.</summary>
public sealed class CliVerbTests
{
    [Fact]
    public async Task Ask_PrintsReplyAsAUserSeesIt()
    {
        var result = await LymphBotProcess.RunAsync(["ask", "is the pressure gentle?"], workingDirectory: RepositoryPaths.Root);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Source: Lymphatic Massage: Benefits and Techniques", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [Fact]
    public async Task AskJson_FromStandardInput_PrintsOneObjectPerQuestion()
    {
        var result = await LymphBotProcess.RunAsync(["ask", "--json"], "what is lymphatic massage\n\nI think I have a blood clot\ngive me a joke\n", RepositoryPaths.Root);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        var objects = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["answer", "safety", "not_found"], objects.Select(o => o.GetProperty("kind").GetString()));
        Assert.Equal("what-is-lymphatic-massage", objects[0].GetProperty("entryId").GetString());
        Assert.Equal(JsonValueKind.Null, objects[1].GetProperty("entryId").ValueKind);
        Assert.True(objects[0].GetProperty("score").GetDouble() > 0);
        Assert.Contains("Source: ", objects[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("give me a joke", objects[2].GetProperty("question").GetString());
    }

    [Fact]
    public async Task KbCheck_ShippedBase_IsOk()
    {
        var result = await LymphBotProcess.RunAsync(["kb", "check"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("knowledge base OK: ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbCheck_BrokenBase_ExitsNonZeroNamingFileLineAndProblem()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Combine("entries"));
        File.WriteAllText(folder.Combine("sources.md"), "## doc\n- title: Doc\n- paragraphs: 1\n");
        File.WriteAllText(folder.Combine("red-flags.md"), "## urgent: Clots\n- clot\n");
        File.WriteAllText(folder.Combine("entries", "a.md"), "## Q one?\n- id: one\n- related: two\n- source: doc ¶1\n\nAnswer.\n");

        var result = await LymphBotProcess.RunAsync(["kb", "check", $"--Knowledge:Path={folder.Path}"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{folder.Path}/entries/a.md:1: entry 'one' relates to unknown id 'two'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbEval_PrintsAccuracyAndEveryMiss()
    {
        using var folder = new TempDirectory();
        var set = folder.Combine("set.tsv");
        File.WriteAllText(set, "# question\texpect\tkeywords\nwhat is lymphatic massage\tanswer\tlymph\nbest pasta recipe\tanswer\t\nI have chest pain\tsafety\tdoctor|healthcare provider\n");

        var result = await LymphBotProcess.RunAsync(["kb", "eval", set]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("MISS line 3: \"best pasta recipe\": expected answer, got not_found", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("accuracy: 2/3 (66.7%)", result.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task KbEval_DevSet_AtLeast97Percent()
    {
        var dev = TestEnvironment.RequireShared("eval/faq-dev.tsv");

        var result = await LymphBotProcess.RunAsync(["kb", "eval", dev]);

        var line = result.StandardOutput.Split('\n').Single(l => l.StartsWith("accuracy: ", StringComparison.Ordinal));
        var percent = double.Parse(line.Split('(', ')')[1].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(percent >= 97, result.StandardOutput);
    }
}
