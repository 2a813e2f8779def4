using Dapper;
using LymphBot.Core.Chat;
using LymphBot.Core.Dashboard;
using LymphBot.Dashboard;

namespace LymphBot.Storage;

/// <summary>
/// Sign-in links and sessions of the dashboard, stored by the hash of their token. A link is redeemed by one
/// conditional UPDATE, so two requests racing with the same link cannot both sign in.
/// </summary>
public sealed class SqlDashboardStore(Database database)
{
    private const string Who = "platform AS Platform, user_id AS UserId, display_name AS DisplayName, scope AS Scope, expires_at AS ExpiresAt";

    public Task AddLinkAsync(string tokenHash, ChatUser member, DashboardScope scope, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(scope);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                // Expired links are useless: clear them as new ones come, so the table stays as small as its use.
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM dashboard_links WHERE expires_at < @Now", new { Now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                return await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO dashboard_links (token_hash, platform, user_id, display_name, scope, created_at, expires_at) " +
                    "VALUES (@Hash, @Platform, @UserId, @Name, @Scope, @Now, @Expires)",
                    new { Hash = tokenHash, member.Platform, member.UserId, Name = Shorten(member.DisplayName), Scope = scope.ToText(), Now = now.ToUnixTimeMilliseconds(), Expires = expiresAt.ToUnixTimeMilliseconds() },
                    transaction,
                    cancellationToken: cancellationToken));
            },
            cancellationToken);
    }

    /// <summary>The link's holder while it is unused and unexpired, without using it (the page that asks to confirm).</summary>
    public async Task<DashboardSession?> PeekLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Who} FROM dashboard_links WHERE token_hash = @Hash AND used_at IS NULL AND expires_at > @Now",
            new { Hash = tokenHash, Now = now.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return row?.ToSession();
    }

    /// <summary>Uses the link: its holder the first time within its lifetime, <c>null</c> ever after.</summary>
    public async Task<DashboardSession?> RedeemLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await database.WriteAsync(
            (connection, transaction) => connection.QueryAsync<Row>(new CommandDefinition(
                $"UPDATE dashboard_links SET used_at = @Now WHERE token_hash = @Hash AND used_at IS NULL AND expires_at > @Now RETURNING {Who}",
                new { Hash = tokenHash, Now = now.ToUnixTimeMilliseconds() },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);
        return rows.SingleOrDefault()?.ToSession();
    }

    public Task AddSessionAsync(string tokenHash, DashboardSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM dashboard_sessions WHERE expires_at < @Now", new { Now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
                return await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO dashboard_sessions (token_hash, platform, user_id, display_name, scope, created_at, expires_at) " +
                    "VALUES (@Hash, @Platform, @UserId, @Name, @Scope, @Now, @Expires)",
                    new
                    {
                        Hash = tokenHash,
                        session.Member.Platform,
                        session.Member.UserId,
                        Name = Shorten(session.Member.DisplayName),
                        Scope = session.Scope.ToText(),
                        Now = now.ToUnixTimeMilliseconds(),
                        Expires = session.ExpiresAt.ToUnixTimeMilliseconds(),
                    },
                    transaction,
                    cancellationToken: cancellationToken));
            },
            cancellationToken);
    }

    public async Task<DashboardSession?> FindSessionAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Who} FROM dashboard_sessions WHERE token_hash = @Hash AND expires_at > @Now",
            new { Hash = tokenHash, Now = now.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return row?.ToSession();
    }

    public Task DeleteSessionAsync(string tokenHash, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM dashboard_sessions WHERE token_hash = @Hash", new { Hash = tokenHash }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    private static string Shorten(string name) => name.Length > 200 ? name[..200] : name;

    private sealed class Row
    {
        public string Platform { get; init; } = string.Empty;

        public string UserId { get; init; } = string.Empty;

        public string DisplayName { get; init; } = string.Empty;

        public string Scope { get; init; } = string.Empty;

        public long ExpiresAt { get; init; }

        public DashboardSession ToSession() =>
            new(new ChatUser(Platform, UserId, DisplayName), DashboardScope.Parse(Scope), DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAt));
    }
}
