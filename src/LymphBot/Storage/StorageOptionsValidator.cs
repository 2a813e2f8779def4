using LymphBot.Configuration;
using Microsoft.Extensions.Options;

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
            ProviderDrivers.ParseConnectionString(options.Provider, options.EffectiveConnectionString);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a valid {options.Provider} connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
