using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LymphBot.Tests.Dashboard;

/// <summary>
/// A browser without JavaScript, as far as the dashboard needs one: it keeps cookies as the server set them (flags
/// readable), follows nothing by itself, and submits a page's form with the fields the page put in it.
/// </summary>
public sealed class DashboardBrowser : IDisposable
{
    private readonly HttpClient _http;

    public DashboardBrowser(Uri baseAddress) =>
        _http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    /// <summary>Cookie name to its whole Set-Cookie line, the last one the server sent for it.</summary>
    public Dictionary<string, string> SetCookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Cookies sent with each request (what a browser would keep).</summary>
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>A browser with this one's cookies, at <paramref name="baseAddress"/> (the host restarted on a new port).</summary>
    public DashboardBrowser WithCookiesAt(Uri baseAddress)
    {
        var other = new DashboardBrowser(baseAddress);
        foreach (var cookie in Cookies)
        {
            other.Cookies[cookie.Key] = cookie.Value;
        }

        return other;
    }

    public async Task<Response> GetAsync(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        return await SendAsync(request);
    }

    public async Task<Response> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    /// <summary>Submits the page's form whose action is <paramref name="action"/>, with its fields, changed by <paramref name="edit"/>.</summary>
    public Task<Response> SubmitAsync(Response page, string action, Action<Dictionary<string, string>>? edit = null) =>
        SubmitAsync(page.Document.Forms.Single(f => f.GetAttribute("action") == action), edit);

    /// <summary>The page's form posting to <paramref name="action"/> in the table row that mentions <paramref name="rowText"/>.</summary>
    public static IHtmlFormElement FormInRow(Response page, string action, string rowText) =>
        page.Document.Forms.Single(f => f.GetAttribute("action") == action && f.Closest("tr")?.TextContent.Contains(rowText, StringComparison.Ordinal) == true);

    /// <summary>Submits <paramref name="form"/> with its input fields, changed by <paramref name="edit"/> (a pressed button's name and value go there).</summary>
    public Task<Response> SubmitAsync(IHtmlFormElement form, Action<Dictionary<string, string>>? edit = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = Fields(form);
        edit?.Invoke(fields);
        return PostAsync(form.GetAttribute("action")!, fields);
    }

    /// <summary>A form's input fields as a browser would send them (antiforgery token included).</summary>
    public static Dictionary<string, string> Fields(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 }).ToDictionary(i => i.Name!, i => i.Value, StringComparer.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private async Task<Response> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        using var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var lines))
        {
            foreach (var line in lines)
            {
                var pair = line.Split(';')[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                SetCookies[name] = line;
                if (value.Length == 0 || line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    Cookies.Remove(name);
                }
                else
                {
                    Cookies[name] = value;
                }
            }
        }

        var body = await response.Content.ReadAsStringAsync();
        return new Response(response.StatusCode, response.Headers.Location?.ToString(), body, new HtmlParser().ParseDocument(body),
            response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? csp.Single() : null);
    }

    public sealed record Response(HttpStatusCode Status, string? Location, string Body, IHtmlDocument Document, string? ContentSecurityPolicy)
    {
        public string Text => Document.Body?.TextContent ?? string.Empty;
    }
}
