using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;
using LymphBot.Core.Privacy;
using LymphBot.Core.Tips;
using LymphBot.Core.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LymphBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the database (SQLite by default, PostgreSQL by <c>Storage:Provider</c>), its migrations, run before
    /// any other hosted service starts, and the stores that implement Core's storage ports.
    /// </summary>
    public static IHostApplicationBuilder AddLymphBotStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .Configure<IConfiguration>((o, c) => o.ConnectionString ??= c.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton<StorageProbe>();
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<SqliteInstanceLock>();
        builder.Services.AddSingleton<StorageInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        builder.Services.AddSingleton<IChatUserStore, SqlChatUserStore>();
        builder.Services.AddSingleton<IChatReachability, SqlChatReachability>();
        builder.Services.AddSingleton<IChatMigrationStore, SqlChatMigrationStore>();
        builder.Services.AddSingleton<ICommandRegistrationStore, SqlCommandRegistrationStore>();
        builder.Services.AddSingleton<ITipStore, SqlTipStore>();
        builder.Services.AddSingleton<IAuditLog, SqlAuditLog>();
        builder.Services.AddSingleton<IPersonalDataStore, SqlPersonalDataStore>();
        return builder;
    }
}
