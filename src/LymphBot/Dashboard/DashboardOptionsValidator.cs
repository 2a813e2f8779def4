using LymphBot.Configuration;
using LymphBot.Core.Dashboard;
using Microsoft.Extensions.Options;

namespace LymphBot.Dashboard;

public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PublicUrl is { } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)))
        {
            failures.Add(OptionsErrors.Invalid("Dashboard:PublicUrl", url, "use an absolute http:// or https:// address without query, e.g. https://bot.example.org"));
        }

        foreach (var id in options.Operators.Where(o => o.Split(':') is not [{ Length: > 0 }, { Length: > 0 }, ..]))
        {
            failures.Add(OptionsErrors.Invalid("Dashboard:Operators", id, "use platform:userId, e.g. telegram:123 or console:local"));
        }

        if (options.SignInAttemptsPerMinute is < 1 or > 1000)
        {
            failures.Add(OptionsErrors.Invalid("Dashboard:SignInAttemptsPerMinute", options.SignInAttemptsPerMinute, "use a whole number from 1 to 1000"));
        }

        foreach (var proxy in options.KnownProxies.Where(p => !ClientAddress.TryParseProxy(p, out _)))
        {
            failures.Add(OptionsErrors.Invalid("Dashboard:KnownProxies", proxy, "use an IP address or a network, e.g. 10.0.0.5 or 10.0.0.0/8"));
        }

        if (options.KeyCertificatePath is { Length: > 0 } certificate && DashboardKeyFolder.CertificateProblem(certificate, options.KeyCertificatePassword) is { } problem)
        {
            failures.Add(OptionsErrors.Invalid("Dashboard:KeyCertificatePath", certificate, problem));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
