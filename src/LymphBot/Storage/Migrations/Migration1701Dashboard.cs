using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// The dashboard's one-time sign-in links and its sessions. Only SHA-256 hashes of their tokens are kept, so a copy
/// of the database signs nobody in. Each row carries who it is for and the chats they may see (<c>DashboardScope</c>).
/// </summary>
[Migration(2026_12_07_1701, "dashboard_links, dashboard_sessions")]
public sealed class Migration1701Dashboard : Migration
{
    public override void Up()
    {
        Create.Table("dashboard_links")
            .WithColumn("token_hash").AsString(64).NotNullable().PrimaryKey("pk_dashboard_links")
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("display_name").AsString(200).NotNullable()
            .WithColumn("scope").AsString(4000).NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("expires_at").AsInt64().NotNullable()
            .WithColumn("used_at").AsInt64().Nullable();
        Create.Index("ix_dashboard_links_expires").OnTable("dashboard_links").OnColumn("expires_at").Ascending();

        Create.Table("dashboard_sessions")
            .WithColumn("token_hash").AsString(64).NotNullable().PrimaryKey("pk_dashboard_sessions")
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("display_name").AsString(200).NotNullable()
            .WithColumn("scope").AsString(4000).NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("expires_at").AsInt64().NotNullable();
        Create.Index("ix_dashboard_sessions_expires").OnTable("dashboard_sessions").OnColumn("expires_at").Ascending();
    }

    public override void Down()
    {
        Delete.Table("dashboard_sessions");
        Delete.Table("dashboard_links");
    }
}
