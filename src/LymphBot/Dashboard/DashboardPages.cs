using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using Microsoft.AspNetCore.Antiforgery;

namespace LymphBot.Dashboard;

/// <summary>
/// The dashboard's HTML, written on the server: no script at all, one small inline style sheet, forms for every
/// change (each with its antiforgery field). Text that members or moderators wrote goes through <see cref="Html.Encode"/>.
/// </summary>
public static class DashboardPages
{
    public const string LinkExpiredText = "This link has expired. Send /dashboard again.";

    private const string Style =
        "body{font:15px/1.4 system-ui,sans-serif;margin:0 auto;max-width:780px;padding:1rem;color:#222}" +
        "header{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #ddd;margin-bottom:1rem}" +
        "h1{font-size:1.3rem}.chart{margin:0 0 1.5rem}figcaption{font-weight:600}svg{width:100%;height:auto}" +
        ".axis{font-size:11px;fill:#555}.legend span{margin-right:1rem}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}" +
        ".note{background:#fff8e1;border-left:4px solid #f9a825;padding:.4rem .7rem}table{border-collapse:collapse}td,th{padding:0 .6rem;text-align:right}" +
        "button{font:inherit;padding:.3rem .9rem}nav{margin:.5rem 0}nav a{margin-right:1rem}table.health th{text-align:left;font-weight:normal}" +
        ".done{background:#e8f5e9;padding:.4rem .7rem}td.text,th.text{text-align:left}tr{border-bottom:1px solid #eee}form.inline{display:inline}";

    public static string SignInConfirm(ChatUser member, string token, AntiforgeryTokenSet forgery) =>
        Page("Sign in", null, null,
            $"<p>Sign in to the LymphBot dashboard as <b>{Html.Encode(member.DisplayName)}</b> ({Html.Encode(member.ToString())})?</p>" +
            $"<form method=\"post\" action=\"{DashboardSignIn.SignInPath}\">{Field(forgery)}" +
            $"<input type=\"hidden\" name=\"token\" value=\"{Html.Encode(token)}\"><button type=\"submit\">Sign in</button></form>" +
            "<p>The link works once. Opening it did not use it up; the button does.</p>");

    public static string LinkExpired() => Page("Link expired", null, null, $"<p>{LinkExpiredText}</p>");

    public static string NotSignedIn() => Page("Not signed in", null, null, "<p>You are not signed in, or your session has ended. Send /dashboard to the bot for a new link.</p>");

    public static string SignedOut() => Page("Signed out", null, null, "<p>You are signed out. Send /dashboard to the bot to sign in again.</p>");

    public static string TooManyAttempts() => Page("Slow down", null, null, "<p>Too many sign-in attempts from your address. Wait a minute and try again.</p>");

    public static string Forbidden() => Page("Not yours", null, null, "<p>You do not moderate that chat. Only the chats you moderate are shown to you.</p>");

    public static string Overview(DashboardSession session, AntiforgeryTokenSet forgery, ChatAddress? chat, OverviewFigures figures)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(figures);
        var sb = new StringBuilder();
        sb.Append(ChatPicker(session, "/dashboard", chat?.ToString() ?? string.Empty));
        var span = $"{figures.FirstDay:yyyy-MM-dd} to {figures.FirstDay.AddDays(figures.Days - 1):yyyy-MM-dd} (UTC days)";
        sb.Append(CultureInfo.InvariantCulture, $"<p>Last {figures.Days} days: {span}.</p>");

        sb.Append("<h2>Questions</h2>");
        if (figures.QuestionsByKind.Count > 0)
        {
            sb.Append(SvgBarChart.Render("Questions per day by what the bot made of them: answered, clarified (\"did you mean…?\"), not found, safety", figures.FirstDay, figures.QuestionsByKind));
        }

        sb.Append("<h2>Answer ratings</h2>");
        sb.Append(figures.Helpful is { } up && figures.Unhelpful is { } down
            ? SvgBarChart.Render("👍 and 👎 per day (a changed vote counts on the day of the change)", figures.FirstDay, [up, down])
            : "<p class=\"note\">👍/👎 are stored without the chat they were given in, so only operators, who see every chat, see them here.</p>");

        sb.Append("<h2>Reminders</h2>");
        sb.Append(SvgBarChart.Render(
            "Reminders per day: on time (sent within 60 s of due), late, failed or missed; the dark mark is the number due",
            figures.FirstDay,
            [figures.OnTime, figures.Late, figures.Failed],
            figures.RemindersDue));
        sb.Append(CultureInfo.InvariantCulture, $"<p>Members with at least one active reminder now: <b>{figures.MembersWithActiveReminder}</b>.</p>");
        if (figures.ActiveMembers is { } members)
        {
            sb.Append(SvgBarChart.Render("Members with at least one active reminder per day (the day's highest hourly count; days the bot was not running have none)", figures.FirstDay, [members]));
        }
        return Page("Overview", session, forgery, sb.ToString());
    }

    /// <summary>
    /// Picks the chat a page shows (a GET form, so it works without script): a list of the moderator's chats, or for
    /// operators a box for any chat; <paramref name="offerPrivate"/> adds the questions asked in private chats.
    /// </summary>
    internal static string ChatPicker(DashboardSession session, string action, string selected, bool offerPrivate = false)
    {
        var scope = session.Scope;
        var choices = scope.Chats.Select(c => c.ToString()).Concat(offerPrivate && scope.PrivateChats && !scope.AllChats ? [DashboardView.PrivateChoice] : []).ToList();
        if (!scope.AllChats && choices.Count <= 1)
        {
            return choices.Count == 1
                ? $"<p>Chat: <b>{(choices[0] == DashboardView.PrivateChoice ? "private chats" : Html.Encode(choices[0]))}</b></p>"
                : "<p class=\"note\">Your link covers the questions asked in private chats, not a group: send /dashboard in a group you moderate to see its reminders.</p>";
        }

        var sb = new StringBuilder($"<form method=\"get\" action=\"{action}\">");
        if (scope.AllChats)
        {
            var hint = offerPrivate ? $"platform:chat id, or {DashboardView.PrivateChoice}; empty for every chat" : "platform:chat id; empty for every chat";
            sb.Append(CultureInfo.InvariantCulture, $"<label>Chat ({hint}) <input name=\"chat\" value=\"{Html.Encode(selected)}\" size=\"28\"></label>");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"<label>Chat <select name=\"chat\"><option value=\"\"{(selected.Length == 0 ? " selected" : string.Empty)}>all of mine</option>");
            foreach (var choice in choices)
            {
                var value = Html.Encode(choice);
                var label = choice == DashboardView.PrivateChoice ? "private chats" : value;
                sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{value}\"{(choice == selected ? " selected" : string.Empty)}>{label}</option>");
            }

            sb.Append("</select></label>");
        }

        return sb.Append(" <button type=\"submit\">Show</button></form>").ToString();
    }

    internal static string Page(string title, DashboardSession? session, AntiforgeryTokenSet? forgery, string body)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{Html.Encode(title)} · LymphBot</title><style>{Style}</style></head><body><header><h1>LymphBot · {Html.Encode(title)}</h1>");
        if (session is not null && forgery is not null)
        {
            var role = session.Scope.AllChats ? "operator" : "moderator";
            sb.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/dashboard/sign-out\">{Html.Encode(session.Member.DisplayName)} ({role}) {Field(forgery)}<button type=\"submit\">Sign out</button></form>");
        }

        sb.Append("</header>");
        if (session is not null)
        {
            sb.Append(DashboardNav.Render(session));
        }

        return sb.Append("<main>").Append(body).Append("</main></body></html>").ToString();
    }

    /// <summary>
    /// The line saying what the last change did. The redirect after a change names it by a code (<c>done=approved</c>),
    /// never by text, so a crafted link cannot make a page say anything but these lines.
    /// </summary>
    internal static string Outcome(IReadOnlyDictionary<string, string> outcomes, string? done) =>
        done is not null && outcomes.TryGetValue(done, out var line) ? $"<p class=\"done\" role=\"status\">{line}</p>" : string.Empty;

    internal static string Field(AntiforgeryTokenSet forgery) =>
        $"<input type=\"hidden\" name=\"{Html.Encode(forgery.FormFieldName)}\" value=\"{Html.Encode(forgery.RequestToken)}\">";
}
