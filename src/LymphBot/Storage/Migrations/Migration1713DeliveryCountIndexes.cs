using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// Indexes that hold every column the Overview's reminders chart and the delivery health page read, so both count
/// from the index alone instead of fetching each delivery row (measured on 100,000 deliveries: the Overview of every
/// chat 165 → 50 ms, of one chat 120 → 1 ms; see bench/LymphBot.Dashboard.Bench/RESULTS.md). <c>ix_reminder_deliveries_window</c>
/// leads with <c>due_at</c> for views of every chat and the health windows and replaces the plain <c>due_at</c> index of
/// migration 1711; <c>ix_reminder_deliveries_chat_window</c> leads with the chat for a moderator's few chats. Indexes
/// rather than per-day tallies: they stay exact through retries, skips, a chat's migration and a member's erasure,
/// which all rewrite deliveries in place, and the health page's percentiles need the rows anyway. <c>reason</c> stays out (up to 500 characters): only failed
/// deliveries need it, and they are few.
/// </summary>
[Migration(2026_12_07_1713, "reminder_deliveries covering indexes for the dashboard")]
public sealed class Migration1713DeliveryCountIndexes : Migration
{
    public override void Up()
    {
        Delete.Index("ix_reminder_deliveries_due_at").OnTable("reminder_deliveries");
        Create.Index("ix_reminder_deliveries_window").OnTable("reminder_deliveries")
            .OnColumn("due_at").Ascending()
            .OnColumn("first_due_at").Ascending()
            .OnColumn("platform").Ascending()
            .OnColumn("chat_id").Ascending()
            .OnColumn("state").Ascending()
            .OnColumn("completed_at").Ascending()
            .OnColumn("retries").Ascending()
            .OnColumn("rate_limit_waits").Ascending()
            .OnColumn("rate_limit_wait_ms").Ascending();
        Create.Index("ix_reminder_deliveries_chat_window").OnTable("reminder_deliveries")
            .OnColumn("platform").Ascending()
            .OnColumn("chat_id").Ascending()
            .OnColumn("due_at").Ascending()
            .OnColumn("first_due_at").Ascending()
            .OnColumn("state").Ascending()
            .OnColumn("completed_at").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_reminder_deliveries_chat_window").OnTable("reminder_deliveries");
        Delete.Index("ix_reminder_deliveries_window").OnTable("reminder_deliveries");
        Create.Index("ix_reminder_deliveries_due_at").OnTable("reminder_deliveries").OnColumn("due_at").Ascending();
    }
}
