using LymphBot.Configuration;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace LymphBot.Reminders;

public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MisfireGrace < TimeSpan.Zero || options.MisfireGrace > TimeSpan.FromDays(1))
        {
            failures.Add(OptionsErrors.Invalid("Reminders:MisfireGrace", options.MisfireGrace, "use a duration from 00:00:00 to 1.00:00:00"));
        }

        if (options.MaxPerMember is < 1 or > 50)
        {
            failures.Add(OptionsErrors.Invalid("Reminders:MaxPerMember", options.MaxPerMember, "use a whole number from 1 to 50"));
        }

        if (options.SnoozeDelay < TimeSpan.FromMinutes(1) || options.SnoozeDelay > TimeSpan.FromHours(12))
        {
            failures.Add(OptionsErrors.Invalid("Reminders:SnoozeDelay", options.SnoozeDelay, "use a duration from 00:01:00 to 12:00:00"));
        }

        if (options.MaxAttempts is < 1 or > 100 || options.SendConcurrency is < 1 or > 1000)
        {
            failures.Add(OptionsErrors.Invalid("Reminders:MaxAttempts/SendConcurrency", $"{options.MaxAttempts}/{options.SendConcurrency}", "use 1–100 attempts and 1–1000 concurrent sends"));
        }

        // A claim older than this is taken back by any instance; shorter than a batch's sending time would send twice.
        if (options.ClaimTimeout < TimeSpan.FromSeconds(1) || options.ClaimTimeout > TimeSpan.FromDays(1))
        {
            failures.Add(OptionsErrors.Invalid("Reminders:ClaimTimeout", options.ClaimTimeout, "use a duration from 00:00:01 to 1.00:00:00, longer than a batch takes to send"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
