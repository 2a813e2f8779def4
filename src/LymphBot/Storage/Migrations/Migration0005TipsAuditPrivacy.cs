using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>Tips per community with their suggester, the per-chat rotation, the moderator audit log, and reminder kinds.</summary>
[Migration(2026_11_23_0005, "tips, tip_posts, audit_log, reminder kind")]
public sealed class Migration0005TipsAuditPrivacy : Migration
{
    public override void Up()
    {
        Create.Table("tips")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_tips").Identity()
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("chat_id").AsString(64).NotNullable()
            .WithColumn("text").AsString(1000).NotNullable()
            .WithColumn("normalized").AsString(1000).NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("suggested_by").AsString(64).Nullable()
            .WithColumn("suggested_name").AsString(200).Nullable()
            .WithColumn("suggested_chat_id").AsString(64).Nullable()
            .WithColumn("suggested_thread_id").AsString(64).Nullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        Create.Index("ux_tips_text").OnTable("tips").OnColumn("platform").Ascending().OnColumn("chat_id").Ascending().OnColumn("normalized").Ascending().WithOptions().Unique();

        Create.Table("tip_posts")
            .WithColumn("platform").AsString(32).NotNullable().PrimaryKey("pk_tip_posts")
            .WithColumn("chat_id").AsString(64).NotNullable().PrimaryKey("pk_tip_posts")
            .WithColumn("tip_key").AsString(80).NotNullable().PrimaryKey("pk_tip_posts")
            .WithColumn("posted_at").AsInt64().NotNullable();

        Create.Table("audit_log")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_audit_log").Identity()
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("chat_id").AsString(64).NotNullable()
            .WithColumn("actor_id").AsString(64).Nullable()
            .WithColumn("actor_name").AsString(200).Nullable()
            .WithColumn("action").AsString(64).NotNullable()
            .WithColumn("detail").AsString(500).NotNullable()
            .WithColumn("allowed").AsBoolean().NotNullable()
            .WithColumn("at").AsInt64().NotNullable();
        Create.Index("ix_audit_log_chat").OnTable("audit_log").OnColumn("platform").Ascending().OnColumn("chat_id").Ascending().OnColumn("id").Descending();

        Alter.Table("reminder_subscriptions").AddColumn("kind").AsString(16).NotNullable().WithDefaultValue("Routine");
    }

    public override void Down()
    {
        Delete.Column("kind").FromTable("reminder_subscriptions");
        Delete.Table("audit_log");
        Delete.Table("tip_posts");
        Delete.Table("tips");
    }
}
