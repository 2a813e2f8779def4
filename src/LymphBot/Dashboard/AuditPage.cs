using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace LymphBot.Dashboard;

/// <summary>The Audit log page: a GET filter form, a page of rows, links to the pages around it and to the CSV export.</summary>
public static class AuditPage
{
    public const int PageSize = 50;

    public static string Render(
        DashboardView view,
        AntiforgeryTokenSet forgery,
        AuditFilter filter,
        IReadOnlyList<string> problems,
        IReadOnlyList<string> actions,
        IReadOnlyList<AuditRow> rows,
        long total,
        int page)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(filter);
        var sb = new StringBuilder();
        foreach (var problem in problems)
        {
            sb.Append("<p class=\"note\" role=\"alert\">").Append(Html.Encode(problem)).Append("</p>");
        }

        FilterForm(sb, view, filter, actions);
        var query = Query(view, filter);
        var pages = Math.Max(1, (int)((total + PageSize - 1) / PageSize));
        sb.Append(CultureInfo.InvariantCulture, $"<p>{total} entr{(total == 1 ? "y" : "ies")}, newest first. ")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{AuditEndpoints.CsvPath}{query}\" download>Export these as CSV</a></p>");
        sb.Append("<table class=\"audit\"><thead><tr><th class=\"text\">When (UTC)</th><th class=\"text\">Chat</th><th class=\"text\">Moderator</th><th class=\"text\">Action</th><th class=\"text\">Detail</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var chat = row.ChatId.Length == 0 ? $"{row.Platform} (no chat)" : $"{row.Platform}:{row.ChatId}";
            var who = row.ActorId is null ? "a forgotten user" : $"{row.ActorName} ({row.ActorId})";
            var refused = row.Allowed ? string.Empty : " <b>(refused)</b>";
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"text\">{row.AtTime.UtcDateTime:yyyy-MM-dd HH:mm}</td><td class=\"text\">{Html.Encode(chat)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"text\">{Html.Encode(who)}</td><td class=\"text\">{Html.Encode(row.Action)}{refused}</td><td class=\"text\">{Html.Encode(row.Detail)}</td></tr>");
        }

        sb.Append("</tbody></table><nav class=\"pages\">");
        var joiner = query.Length == 0 ? "?" : query + "&amp;";
        if (page > 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a rel=\"prev\" href=\"{AuditEndpoints.Path}{joiner}page={page - 1}\">← Newer</a> ");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Page {Math.Min(page, pages)} of {pages}");
        if (page < pages)
        {
            sb.Append(CultureInfo.InvariantCulture, $" <a rel=\"next\" href=\"{AuditEndpoints.Path}{joiner}page={page + 1}\">Older →</a>");
        }

        sb.Append("</nav>");
        return DashboardPages.Page("Audit log", view.Session, forgery, sb.ToString());
    }

    private static void FilterForm(StringBuilder sb, DashboardView view, AuditFilter filter, IReadOnlyList<string> actions)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<form method=\"get\" action=\"{AuditEndpoints.Path}\" class=\"filter\">")
            .Append(CultureInfo.InvariantCulture, $"<label>Chat <input name=\"chat\" value=\"{Html.Encode(view.ChatValue)}\" size=\"18\" placeholder=\"all you may see\"></label> ")
            .Append("<label>Action <select name=\"action\"><option value=\"\">any</option>");
        foreach (var action in actions)
        {
            var value = Html.Encode(action);
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{value}\"{(action == filter.Action ? " selected" : string.Empty)}>{value}</option>");
        }

        sb.Append("</select></label> ")
            .Append(CultureInfo.InvariantCulture, $"<label>Moderator <input name=\"moderator\" value=\"{Html.Encode(filter.Moderator)}\" size=\"12\" placeholder=\"id or name\"></label> ")
            .Append(CultureInfo.InvariantCulture, $"<label>From <input type=\"date\" name=\"from\" value=\"{filter.From:yyyy-MM-dd}\"></label> ")
            .Append(CultureInfo.InvariantCulture, $"<label>To <input type=\"date\" name=\"to\" value=\"{filter.To:yyyy-MM-dd}\"></label> ")
            .Append("<button type=\"submit\">Filter</button></form>");
    }

    /// <summary>The view's chat and the filter as a query string (HTML-escaped for an attribute), empty when there is neither.</summary>
    private static string Query(DashboardView view, AuditFilter filter)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("chat", view.ChatValue);
        Add("action", filter.Action);
        Add("moderator", filter.Moderator);
        Add("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&amp;", parts);
    }
}
