using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// Reminder subscriptions, indexed by (zone, time) slot, and the durable outbox of their occurrences, unique per
/// subscription, local date and kind so writing an occurrence twice changes nothing.
/// </summary>
[Migration(2026_11_23_0004, "reminder_subscriptions, reminder_deliveries")]
public sealed class Migration0004Reminders : Migration
{
    public override void Up()
    {
        Create.Table("reminder_subscriptions")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_reminder_subscriptions").Identity()
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("chat_id").AsString(64).NotNullable()
            .WithColumn("thread_id").AsString(64).Nullable()
            .WithColumn("local_time").AsString(5).NotNullable()
            .WithColumn("time_zone").AsString(64).NotNullable()
            .WithColumn("state").AsString(16).NotNullable()
            .WithColumn("paused_until").AsInt64().Nullable()
            .WithColumn("pause_reason").AsString(500).Nullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        Create.Index("ix_reminder_subscriptions_slot").OnTable("reminder_subscriptions").OnColumn("time_zone").Ascending().OnColumn("local_time").Ascending();
        Create.Index("ix_reminder_subscriptions_member").OnTable("reminder_subscriptions").OnColumn("platform").Ascending().OnColumn("user_id").Ascending();

        Create.Table("reminder_deliveries")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_reminder_deliveries").Identity()
            .WithColumn("subscription_id").AsInt64().NotNullable()
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("chat_id").AsString(64).NotNullable()
            .WithColumn("thread_id").AsString(64).Nullable()
            .WithColumn("local_date").AsString(10).NotNullable()
            .WithColumn("kind").AsString(16).NotNullable()
            .WithColumn("due_at").AsInt64().NotNullable()
            .WithColumn("state").AsString(16).NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            .WithColumn("text").AsString(1000).NotNullable()
            .WithColumn("reason").AsString(500).Nullable()
            .WithColumn("claimed_at").AsInt64().Nullable()
            .WithColumn("completed_at").AsInt64().Nullable();
        Create.Index("ux_reminder_deliveries_occurrence").OnTable("reminder_deliveries")
            .OnColumn("subscription_id").Ascending().OnColumn("local_date").Ascending().OnColumn("kind").Ascending()
            .WithOptions().Unique();
        Create.Index("ix_reminder_deliveries_due").OnTable("reminder_deliveries").OnColumn("state").Ascending().OnColumn("due_at").Ascending();
    }

    public override void Down()
    {
        Delete.Table("reminder_deliveries");
        Delete.Table("reminder_subscriptions");
    }
}
