using LymphBot.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LymphBot.Storage;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Key = "ConnectionStrings:" + StorageOptions.ConnectionStringName;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail(OptionsErrors.Invalid("Storage:Provider", options.Provider, "use Sqlite or Postgres"));
        }

        if (options.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(OptionsErrors.Missing(Key, "when Storage:Provider is Postgres (e.g. Host=127.0.0.1;Database=lymphbot;Username=lymphbot)"));
        }

        try
        {
            // Both builders throw on unknown keywords or malformed pairs.
            _ = options.Provider == StorageProvider.Sqlite
                ? new SqliteConnectionStringBuilder(options.EffectiveConnectionString).ConnectionString
                : new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString).ConnectionString;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a valid {options.Provider} connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
