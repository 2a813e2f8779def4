using System.Security.Cryptography;
using LymphBot.Core.Commands;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.Rest;
using LymphBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.SlashCommands;

/// <summary>
/// Registers the slash commands on the first READY (which gives the application id): one bulk overwrite globally, or
/// one per configured guild, and only when the generated set differs from the one last registered in that scope (a
/// hash of the body, kept in storage): Discord counts command creations, 200 a day per guild.
/// </summary>
internal sealed partial class SlashCommandRegistrar(
    CommandRouter router,
    DiscordRestClient rest,
    ICommandRegistrationStore registrations,
    IOptions<DiscordOptions> options,
    TimeProvider time,
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
        var specs = router.Commands.Select(c => c.Spec).ToList();
        try
        {
            if (guilds.Count == 0)
            {
                await RegisterAsync(applicationId, null, SlashCommandCatalog.Build(specs, global: true), cancellationToken);
                return;
            }

            var guildCommands = SlashCommandCatalog.Build(specs, global: false);
            foreach (var guild in guilds)
            {
                await RegisterAsync(applicationId, guild, guildCommands, cancellationToken);
            }
        }
        catch (DiscordRestException ex)
        {
            // Commands keep their previous registration; messages and buttons still work.
            Interlocked.Exchange(ref _registered, 0);
            LogFailed(ex.Message);
        }
    }

    private async Task RegisterAsync(string applicationId, string? guild, List<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var scope = guild is null ? $"{applicationId}/global" : $"{applicationId}/guild/{guild}";
        var where = guild is null ? "globally" : "in server " + guild;
        var hash = Convert.ToHexStringLower(SHA256.HashData(DiscordRestClient.Json(commands, DiscordJsonContext.Default.ListApplicationCommand)));
        if (await registrations.FindHashAsync(DiscordMapping.Platform, scope, cancellationToken) == hash)
        {
            LogUnchanged(commands.Count, where);
            return;
        }

        await rest.BulkOverwriteCommandsAsync(applicationId, guild, commands, cancellationToken);
        await registrations.SaveHashAsync(DiscordMapping.Platform, scope, hash, time.GetUtcNow(), cancellationToken);
        LogRegistered(commands.Count, where);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: registered {Count} slash commands {Scope}")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: the {Count} slash commands {Scope} are as registered before; not sent again")]
    private partial void LogUnchanged(int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: registering slash commands failed: {Error}")]
    private partial void LogFailed(string error);
}
