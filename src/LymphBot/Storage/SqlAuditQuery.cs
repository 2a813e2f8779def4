using Dapper;
using LymphBot.Core.Knowledge;
using LymphBot.Dashboard;

namespace LymphBot.Storage;

/// <summary>
/// The audit log as the dashboard reads it: filtered by action, moderator and UTC dates, newest first, in pages or
/// whole for the CSV export, and only the rows the view may see (<see cref="ScopeFilter"/>).
/// </summary>
public sealed class SqlAuditQuery(Database database)
{
    private const string Columns =
        "id AS Id, platform AS Platform, chat_id AS ChatId, actor_id AS ActorId, actor_name AS ActorName, action AS Action, detail AS Detail, allowed AS Allowed, at AS At";

    public async Task<(IReadOnlyList<AuditRow> Rows, long Total)> PageAsync(DashboardView view, AuditFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(view, filter);
        parameters.Add("Skip", skip);
        parameters.Add("Take", take);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM audit_log WHERE {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_log WHERE {where} ORDER BY id DESC LIMIT @Take OFFSET @Skip", parameters, cancellationToken: cancellationToken));
        return ([.. rows], total);
    }

    /// <summary>Every matching row, newest first, up to <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<AuditRow>> AllAsync(DashboardView view, AuditFilter filter, int max, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(view, filter);
        parameters.Add("Take", max);
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_log WHERE {where} ORDER BY id DESC LIMIT @Take", parameters, cancellationToken: cancellationToken))];
    }

    /// <summary>The actions recorded in what the view may see, for the filter's list.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(DashboardView view, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(view, AuditFilter.None);
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT action FROM audit_log WHERE {where} ORDER BY action", parameters, cancellationToken: cancellationToken))];
    }

    private static (string Where, DynamicParameters Parameters) Where(DashboardView view, AuditFilter filter)
    {
        var parameters = new DynamicParameters();
        var terms = new List<string> { ScopeFilter(view, parameters) };
        if (filter.Action is { Length: > 0 } action)
        {
            parameters.Add("Action", action);
            terms.Add("action = @Action");
        }

        if (filter.Moderator is { Length: > 0 } moderator)
        {
            parameters.Add("Moderator", moderator.ToLowerInvariant());
            terms.Add("(LOWER(actor_id) = @Moderator OR LOWER(actor_name) = @Moderator)");
        }

        if (filter.From is { } from)
        {
            parameters.Add("From", new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());
            terms.Add("at >= @From");
        }

        if (filter.To is { } to)
        {
            parameters.Add("Until", new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());
            terms.Add("at < @Until");
        }

        return (string.Join(" AND ", terms), parameters);
    }

    /// <summary>
    /// Operators see every row; a chosen chat shows its rows; the private choice shows what is filed under no chat
    /// (the dashboard's phrasing decisions, chat id <c>''</c>). A moderator without a choice sees their chats, that,
    /// if their link covers private chats, and their own actions anywhere.
    /// </summary>
    private static string ScopeFilter(DashboardView view, DynamicParameters parameters)
    {
        parameters.Add("NoChat", GapScope.PrivateChatId);
        if (view.Chat is { } chat)
        {
            parameters.Add("P", chat.Platform);
            parameters.Add("C", chat.ChatId);
            return "(platform = @P AND chat_id = @C)";
        }

        if (view.PrivateOnly)
        {
            return "(chat_id = @NoChat)";
        }

        var scope = view.Session.Scope;
        if (scope.AllChats)
        {
            return "1 = 1";
        }

        parameters.Add("MP", view.Session.Member.Platform);
        parameters.Add("MU", view.Session.Member.UserId);
        var terms = new List<string> { "(platform = @MP AND actor_id = @MU)" };
        for (var i = 0; i < scope.Chats.Count; i++)
        {
            parameters.Add($"P{i}", scope.Chats[i].Platform);
            parameters.Add($"C{i}", scope.Chats[i].ChatId);
            terms.Add($"(platform = @P{i} AND chat_id = @C{i})");
        }

        if (scope.PrivateChats)
        {
            terms.Add("(chat_id = @NoChat)");
        }

        return $"({string.Join(" OR ", terms)})";
    }
}
