using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>Members and their settings. Instants are Unix milliseconds: exact and identical on SQLite and PostgreSQL.</summary>
[Migration(2026_11_23_0001, "chat_users")]
public sealed class Migration0001ChatUsers : Migration
{
    public override void Up()
    {
        Create.Table("chat_users")
            .WithColumn("platform").AsString(32).NotNullable().PrimaryKey("pk_chat_users")
            .WithColumn("user_id").AsString(64).NotNullable().PrimaryKey("pk_chat_users")
            .WithColumn("time_zone").AsString(64).Nullable()
            .WithColumn("created_at").AsInt64().NotNullable();
    }

    public override void Down() => Delete.Table("chat_users");
}
