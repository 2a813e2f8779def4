using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace LymphBot.Configuration;

/// <summary>
/// Turns configuration failures at start-up into one line naming the key, the value and what is allowed,
/// instead of a stack trace.
/// </summary>
public static partial class StartupErrors
{
    /// <summary>Returns the one-line description, or <c>null</c> when the exception is not a configuration error.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case OptionsValidationException validation:
                return string.Join("; ", validation.Failures);
            case InvalidOperationException when BindingFailure().Match(exception.Message) is { Success: true } match:
                var type = Type.GetType(match.Groups["type"].Value) ?? FindType(match.Groups["type"].Value);
                return $"{match.Groups["key"].Value} = '{match.Groups["value"].Value}' is not valid: {Allowed(type)}.";
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                return Describe(aggregate.InnerExceptions[0]);
            default:
                return exception.InnerException is { } inner ? Describe(inner) : null;
        }
    }

    private static string Allowed(Type? type)
    {
        var target = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            { IsEnum: true } => "use one of " + string.Join(", ", Enum.GetNames(target)),
            _ when target == typeof(bool) => "use true or false",
            _ when target == typeof(int) || target == typeof(long) => "use a whole number",
            _ when target == typeof(TimeSpan) => "use a duration such as 02:00:00 (hh:mm:ss)",
            _ when target == typeof(Uri) => "use an absolute URL such as https://example.org",
            _ => $"it must be a {target?.Name ?? "different value"}",
        };
    }

    private static Type? FindType(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);

    [GeneratedRegex("Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();
}
