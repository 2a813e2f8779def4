using LymphBot.Configuration;
using LymphBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace LymphBot.Knowledge;

public sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Threshold is < 0 or > 1 || double.IsNaN(options.Threshold))
        {
            return ValidateOptionsResult.Fail(OptionsErrors.Invalid("Knowledge:Threshold", options.Threshold, "use a number from 0 to 1"));
        }

        if (options.ClarifyBand is < 0 or > 1 || double.IsNaN(options.ClarifyBand))
        {
            return ValidateOptionsResult.Fail(OptionsErrors.Invalid("Knowledge:ClarifyBand", options.ClarifyBand, "use a number from 0 to 1"));
        }

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > TimeSpan.FromMinutes(1))
        {
            return ValidateOptionsResult.Fail(OptionsErrors.Invalid("Knowledge:ReloadDelay", options.ReloadDelay, "use a duration from 00:00:00 to 00:01:00"));
        }

        if (!Directory.Exists(options.Path))
        {
            return ValidateOptionsResult.Fail(OptionsErrors.Invalid("Knowledge:Path", options.Path, "use a folder that exists and holds the knowledge files"));
        }

        return ValidateOptionsResult.Success;
    }
}
