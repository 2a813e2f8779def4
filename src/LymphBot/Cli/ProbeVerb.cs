namespace LymphBot.Cli;

/// <summary>
/// <c>lymphbot probe [URL]</c>: exit 0 when the URL (default the local <c>/healthz</c>) answers 2xx within 3 s. The
/// container's HEALTHCHECK uses it, since the runtime image has no curl.
/// </summary>
public static class ProbeVerb
{
    public const string DefaultUrl = "http://127.0.0.1:8080/healthz";

    public static async Task<int> RunAsync(CliInvocation invocation, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(error);
        var target = invocation.Positional.Count > 0 ? invocation.Positional[0] : DefaultUrl;
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            await error.WriteLineAsync($"lymphbot: probe needs an http(s) URL, got '{target}'");
            return ExitCodes.Usage;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(url);
            if (response.IsSuccessStatusCode)
            {
                return ExitCodes.Success;
            }

            await error.WriteLineAsync($"lymphbot: {url} answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"lymphbot: {url} did not answer: {ex.Message}");
        }

        return ExitCodes.Failure;
    }
}
