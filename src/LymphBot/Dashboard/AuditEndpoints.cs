using System.Globalization;
using System.Text;
using LymphBot.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LymphBot.Dashboard;

/// <summary>The Audit log: filtered, in pages of <see cref="AuditPage.PageSize"/>, and the same filter as CSV.</summary>
internal static class AuditEndpoints
{
    public const string Path = "/dashboard/audit";
    public const string CsvPath = "/dashboard/audit.csv";

    /// <summary>Rows in one export at most; a narrower filter gets the rest.</summary>
    public const int ExportMax = 50_000;

    public static void Map(RouteGroupBuilder dashboard)
    {
        dashboard.MapGet("/audit", ShowAsync);
        dashboard.MapGet("/audit.csv", ExportAsync);
    }

    private static async Task<IResult> ShowAsync(
        HttpContext context, string? chat, string? page, DashboardSignIn signIn, SqlAuditQuery audit, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (view, denied) = await DashboardRequests.ViewAsync(context, signIn, chat, cancellationToken);
        if (view is null)
        {
            return denied!;
        }

        var (filter, problems) = ReadFilter(context.Request.Query);
        var number = int.TryParse(page, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var (rows, total) = await audit.PageAsync(view, filter, (number - 1) * AuditPage.PageSize, AuditPage.PageSize, cancellationToken);
        var actions = await audit.ActionsAsync(view, cancellationToken);
        return DashboardRequests.Page(AuditPage.Render(view, antiforgery.GetAndStoreTokens(context), filter, problems, actions, rows, total, number));
    }

    private static async Task<IResult> ExportAsync(HttpContext context, string? chat, DashboardSignIn signIn, SqlAuditQuery audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var (view, denied) = await DashboardRequests.ViewAsync(context, signIn, chat, cancellationToken);
        if (view is null)
        {
            return denied!;
        }

        var (filter, _) = ReadFilter(context.Request.Query);
        var sb = new StringBuilder();
        Csv.AppendLine(sb, "at_utc", "platform", "chat_id", "moderator_id", "moderator_name", "action", "detail", "allowed");
        foreach (var row in await audit.AllAsync(view, filter, ExportMax, cancellationToken))
        {
            Csv.AppendLine(sb, row.AtTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row.Platform, row.ChatId, row.ActorId, row.ActorName, row.Action, row.Detail, row.Allowed ? "yes" : "no");
        }

        var name = $"lymphbot-audit-{time.GetUtcNow():yyyyMMdd-HHmm}.csv";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return Results.Text(sb.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The filter from the query; a date that is not <c>YYYY-MM-DD</c> is left out and named in the problems.</summary>
    private static (AuditFilter Filter, IReadOnlyList<string> Problems) ReadFilter(IQueryCollection query)
    {
        var problems = new List<string>();
        DateOnly? Date(string key, string label)
        {
            var text = query[key].ToString().Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems.Add($"\"{text}\" is not a date for {label}: write it like 2026-12-07. That part of the filter is left out.");
            return null;
        }

        var filter = new AuditFilter(Trimmed(query["action"]), Trimmed(query["moderator"]), Date("from", "From"), Date("to", "To"));
        return (filter, problems);
    }

    private static string? Trimmed(string? value) => value?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, 200)] : null;
}
