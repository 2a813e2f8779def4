using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using LymphBot.Core.Telemetry;
using LymphBot.Discord;
using LymphBot.Discord.Bench;
using LymphBot.Discord.Events;
using LymphBot.Discord.Gateway;
using LymphBot.Discord.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Usage: dotnet run -c Release --project bench/LymphBot.Discord.Bench [events] [connections]
// (internally it also runs as "serve <frames> <allQuestions>": the loopback gateway, in its own process.)
if (args.Length > 0 && args[0] == "serve")
{
    await using var server = await LoopbackGateway.StartAsync();
    server.Frames = BenchFrames.Messages(int.Parse(args[1], CultureInfo.InvariantCulture), 1000, allQuestions: args[2] == "true");
    Console.WriteLine(server.Url);
    await Console.In.ReadToEndAsync();
    return;
}

var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
Console.WriteLine($"cores: {Environment.ProcessorCount}, runtime: {Environment.Version}, events: {events:N0}, connections: {connections}");

// Memory first, while the process is still small: per idle, identified gateway connection.
await MemoryPerConnectionAsync(connections);

// 1. In-process: envelope read (as the read loop does) -> queue -> per-channel workers -> parse + map -> CommandRouter
//    -> render -> REST client (rate limiter, JSON, HttpClient) answered in memory.
await InProcessAsync("warm-up (tiered JIT)", 100_000, allQuestions: false);
await InProcessAsync("warm-up (tiered JIT)", 100_000, allQuestions: true);
await InProcessAsync("in-process, 50% DM questions / 50% guild chatter", events, allQuestions: false);
await InProcessAsync("in-process, 100% DM questions (each answered)", events, allQuestions: true);

// 2. End to end: a loopback gateway in another process sends MESSAGE_CREATE frames over a real WebSocket.
await EndToEndAsync(events);

static async Task InProcessAsync(string label, int count, bool allQuestions)
{
    var frames = BenchFrames.Messages(count, 1000, allQuestions);
    var api = new CountingDiscordApi();
    await using var services = BenchHost.Build(api, null);
    var handler = services.GetRequiredService<DiscordEventHandler>();
    var self = new BotIdentity(BenchFrames.BotId, "LymphBot", BenchFrames.ApplicationId);
    using var dispatcher = new DiscordEventDispatcher(
        async (e, ct) =>
        {
            var message = JsonSerializer.Deserialize(e.Frame.Span, DiscordJsonContext.Default.GatewayFrameDiscordMessage)!.D!;
            await handler.OnMessageAsync(message, self, TimeProvider.System.GetUtcNow(), ct);
        },
        64);
    var queue = Channel.CreateUnbounded<GatewayEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    var expected = allQuestions ? count : (count + 1) / 2;

    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var workers = dispatcher.RunAsync(queue.Reader, CancellationToken.None);
    foreach (var frame in frames)
    {
        var header = GatewayFrameHeader.Read(frame);
        queue.Writer.TryWrite(new GatewayEvent(header.Type!, header.Sequence, header.ChannelId, frame.ToArray(), Stopwatch.GetTimestamp()));
    }

    queue.Writer.Complete();
    await workers;
    watch.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    if (api.Messages != expected)
    {
        throw new InvalidOperationException($"expected {expected} replies, saw {api.Messages}");
    }

    Console.WriteLine($"{label}: {count / watch.Elapsed.TotalSeconds:N0} events/s ({count:N0} in {watch.Elapsed.TotalMilliseconds:N0} ms, {api.Messages:N0} replies sent, {allocated / count:N0} bytes allocated/event)");
}

static async Task EndToEndAsync(int count)
{
    using var server = StartServer(count, allQuestions: true, out var url);
    var api = new CountingDiscordApi();
    await using var services = BenchHost.Build(api, url);
    var adapter = services.GetServices<IHostedService>().Single();
    var done = api.ExpectAsync(count);
    var watch = Stopwatch.StartNew();
    await adapter.StartAsync(CancellationToken.None);
    await done.WaitAsync(TimeSpan.FromMinutes(5));
    watch.Stop();
    await adapter.StopAsync(CancellationToken.None);
    Console.WriteLine($"end to end over loopback WebSocket, 100% DM questions: {count / watch.Elapsed.TotalSeconds:N0} events/s ({count:N0} in {watch.Elapsed.TotalMilliseconds:N0} ms incl. connect + identify; gateway in a separate process)");
    StopServer(server);
}

static async Task MemoryPerConnectionAsync(int count)
{
    using var server = StartServer(0, allQuestions: false, out var url);
    using var cts = new CancellationTokenSource();
    var options = Options.Create(new DiscordOptions { Token = "bench-token" });
    using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    using var metrics = new LymphBotMetrics(services.GetRequiredService<IMeterFactory>());

    // One connection first, so JIT and shared statics are not counted per connection.
    var warm = new DiscordGateway(options, TimeProvider.System, new DiscordStatus(), metrics, NullLogger<DiscordGateway>.Instance);
    var warmRun = warm.RunAsync(url, cts.Token);
    await WaitReadyAsync([warm]);

    var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var workingSetBefore = process.WorkingSet64;
    var gateways = Enumerable.Range(0, count)
        .Select(_ => new DiscordGateway(options, TimeProvider.System, new DiscordStatus(), metrics, NullLogger<DiscordGateway>.Instance))
        .ToList();
    var runs = gateways.Select(g => g.RunAsync(url, cts.Token)).ToList();
    await WaitReadyAsync(gateways);
    var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
    process.Refresh();
    var workingSetAfter = process.WorkingSet64;

    Console.WriteLine($"memory per identified gateway connection ({count} connections): managed heap {(heapAfter - heapBefore) / count / 1024.0:N1} KiB, working set {(workingSetAfter - workingSetBefore) / count / 1024.0:N1} KiB");
    await cts.CancelAsync();
    await Task.WhenAll(runs.Append(warmRun));
    GC.KeepAlive(gateways);
    StopServer(server);
}

static async Task WaitReadyAsync(IReadOnlyList<DiscordGateway> gateways)
{
    var deadline = Stopwatch.StartNew();
    while (gateways.Any(g => g.Identity is null))
    {
        if (deadline.Elapsed > TimeSpan.FromMinutes(2))
        {
            throw new TimeoutException("gateways did not become ready");
        }

        await Task.Delay(20);
    }
}

static Process StartServer(int frames, bool allQuestions, out Uri url)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!, ["serve", frames.ToString(CultureInfo.InvariantCulture), allQuestions ? "true" : "false"])
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
    };
    var process = Process.Start(start)!;
    url = new Uri(process.StandardOutput.ReadLine()!);
    return process;
}

static void StopServer(Process server)
{
    server.StandardInput.Close();
    if (!server.WaitForExit(10_000))
    {
        server.Kill();
    }
}
