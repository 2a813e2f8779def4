using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LymphBot.Core;
using LymphBot.Core.Chat;
using LymphBot.Core.Questions;
using LymphBot.Core.Users;
using LymphBot.Telegram.Tests.StandIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LymphBot.Telegram.Bench;

/// <summary>
/// Feeds private-chat questions (one chat each) through the stand-in's getUpdates into the adapter and counts the
/// replies the stand-in receives, by its receive timestamps. Usage: <c>[seconds=60] [unpacedCount=3000]</c>.
/// </summary>
public static class Program
{
    private const int Cap = 30;

    public static async Task<int> Main(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var unpacedCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;

        var unpaced = await RunAsync(unpacedCount, pacing: false, TimeSpan.FromMinutes(2));
        var rate = (unpaced.Count - 1) / Stopwatch.GetElapsedTime(unpaced[0], unpaced[^1]).TotalSeconds;
        Console.WriteLine($"unpaced: {unpaced.Count} replies, {rate:0} replies/s (first to last reply at the stand-in)");

        var paced = await RunAsync((Cap * seconds) + 300, pacing: true, TimeSpan.FromSeconds(seconds + 2));
        var window = TimeSpan.FromSeconds(seconds);
        var inWindow = paced.Where(t => Stopwatch.GetElapsedTime(paced[0], t) < window).ToList();
        var sustained = inWindow.Count / window.TotalSeconds;
        var maxPerSecond = MaxInAnyWindow(paced, TimeSpan.FromSeconds(1));
        var over = SlidingWindowsOver(paced, TimeSpan.FromSeconds(1), Cap);
        Console.WriteLine($"paced (cap {Cap}/s, {seconds} s): {inWindow.Count} replies, {sustained:0.00}/s = {100 * sustained / Cap:0.0}% of the cap; " +
            $"most in any 1 s window: {maxPerSecond}; windows over the cap: {over}");
        var ok = sustained >= 0.95 * Cap && maxPerSecond <= Cap;
        Console.WriteLine(ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }

    private static async Task<List<long>> RunAsync(int count, bool pacing, TimeSpan maxDuration)
    {
        await using var standIn = await TelegramStandIn.StartAsync();
        for (var i = 0; i < count; i++)
        {
            var chatId = 10_000 + i;
            standIn.EnqueueUpdate(new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["message_id"] = i + 1,
                    ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Ada" },
                    ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                    ["date"] = 1_800_000_000,
                    ["text"] = $"question <{i}> & more?",
                },
            });
        }

        var app = Build(standIn.BaseUrl, pacing);
        await app.StartAsync();
        var replies = () => standIn.Requests.Count(r => r.Is("sendMessage"));
        var started = Stopwatch.GetTimestamp();
        try
        {
            await standIn.WaitUntilAsync(_ => replies() >= count, maxDuration);
        }
        catch (TimeoutException)
        {
            // Paced runs stop at the end of the measured window.
        }

        await app.StopAsync();
        await app.DisposeAsync();
        Console.Error.WriteLine($"  ({(pacing ? "paced" : "unpaced")}: {replies()} of {count} replies after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)");
        return [.. standIn.Requests.Where(r => r.Is("sendMessage")).Select(r => r.ReceivedTicks).Order()];
    }

    private static WebApplication Build(string apiBaseUrl, bool pacing)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = TelegramStandIn.Token,
            ["Telegram:ApiBaseUrl"] = apiBaseUrl,
            ["Telegram:Pacing"] = pacing ? "true" : "false",
            ["Telegram:MessagesPerSecond"] = Cap.ToString(CultureInfo.InvariantCulture),
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var ports = new BenchPorts();
        builder.Services.AddSingleton<IChatUserStore>(ports);
        builder.Services.AddSingleton<IChatReachability>(ports);
        builder.Services.AddSingleton<IChatMigrationStore>(ports);
        builder.Services.AddSingleton<IQuestionAnswerer>(ports);
        builder.Services.AddLymphBotCore();
        builder.AddTelegram();
        return builder.Build();
    }

    private static int MaxInAnyWindow(List<long> sorted, TimeSpan window)
    {
        var max = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (Stopwatch.GetElapsedTime(sorted[start], sorted[end]) >= window)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }

    private static int SlidingWindowsOver(List<long> sorted, TimeSpan window, int cap)
    {
        var over = 0;
        for (var i = 0; i + cap < sorted.Count; i++)
        {
            if (Stopwatch.GetElapsedTime(sorted[i], sorted[i + cap]) < window)
            {
                over++;
            }
        }

        return over;
    }
}
