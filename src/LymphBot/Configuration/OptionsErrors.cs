namespace LymphBot.Configuration;

/// <summary>Builds validation messages in one shape: key, value, what is allowed.</summary>
public static class OptionsErrors
{
    public static string Invalid(string key, object? value, string allowed) => $"{key} = '{value}' is not valid: {allowed}.";

    public static string Missing(string key, string when) => $"{key} is required {when}.";
}
