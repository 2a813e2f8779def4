using LymphBot.Core.Commands;
using LymphBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.SlashCommands;

/// <summary>
/// Registers the slash commands once per process, on the first READY (which gives the application id): one bulk
/// overwrite globally, or one per configured guild. Bulk overwrite is idempotent and removes stale commands.
/// </summary>
internal sealed partial class SlashCommandRegistrar(
    CommandRouter router,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<SlashCommandRegistrar> logger)
{
    private readonly ILogger<SlashCommandRegistrar> _logger = logger;
    private int _registered;

    public async Task RegisterOnceAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(applicationId) || Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        var guilds = options.Value.GuildIds;
        try
        {
            if (guilds.Count == 0)
            {
                var commands = SlashCommandCatalog.Build(router.Commands.Select(c => c.Spec), global: true);
                await rest.BulkOverwriteCommandsAsync(applicationId, null, commands, cancellationToken);
                LogRegistered(commands.Count, "globally");
                return;
            }

            var guildCommands = SlashCommandCatalog.Build(router.Commands.Select(c => c.Spec), global: false);
            foreach (var guild in guilds)
            {
                await rest.BulkOverwriteCommandsAsync(applicationId, guild, guildCommands, cancellationToken);
                LogRegistered(guildCommands.Count, "in server " + guild);
            }
        }
        catch (DiscordRestException ex)
        {
            // Commands keep their previous registration; messages and buttons still work.
            Interlocked.Exchange(ref _registered, 0);
            LogFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: registered {Count} slash commands {Scope}")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: registering slash commands failed: {Error}")]
    private partial void LogFailed(string error);
}
