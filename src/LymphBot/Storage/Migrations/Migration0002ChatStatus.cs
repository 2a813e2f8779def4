using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>Chats the platforms told us we cannot reach (bot blocked, removed, chat gone), per chat, not per thread.</summary>
[Migration(2026_11_23_0002, "chat_status")]
public sealed class Migration0002ChatStatus : Migration
{
    public override void Up()
    {
        Create.Table("chat_status")
            .WithColumn("platform").AsString(32).NotNullable().PrimaryKey("pk_chat_status")
            .WithColumn("chat_id").AsString(64).NotNullable().PrimaryKey("pk_chat_status")
            .WithColumn("unreachable_reason").AsString(500).Nullable()
            .WithColumn("changed_at").AsInt64().NotNullable();
    }

    public override void Down() => Delete.Table("chat_status");
}
