using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// What the delivery health page reads and the outbox did not keep. A retry moves a delivery's <c>due_at</c> to the
/// retry time, which hid how late it finally went out: <c>first_due_at</c> keeps the original time from the first
/// retry on (null: never retried, <c>due_at</c> is still the original). <c>retries</c> counts backoffs after errors,
/// <c>rate_limit_waits</c> and <c>rate_limit_wait_ms</c> the 429s the delivery waited out. Existing rows start at
/// zero: their history before this migration is unknown, not invented. The index on <c>due_at</c> serves the
/// dashboard's per-day and per-window counts, which range over it across states.
/// </summary>
[Migration(2026_12_07_1711, "reminder_deliveries first_due_at, retries, rate-limit waits")]
public sealed class Migration1711DeliveryHealth : Migration
{
    public override void Up()
    {
        Alter.Table("reminder_deliveries").AddColumn("first_due_at").AsInt64().Nullable();
        Alter.Table("reminder_deliveries").AddColumn("retries").AsInt32().NotNullable().WithDefaultValue(0);
        Alter.Table("reminder_deliveries").AddColumn("rate_limit_waits").AsInt32().NotNullable().WithDefaultValue(0);
        Alter.Table("reminder_deliveries").AddColumn("rate_limit_wait_ms").AsInt64().NotNullable().WithDefaultValue(0);
        Create.Index("ix_reminder_deliveries_due_at").OnTable("reminder_deliveries").OnColumn("due_at").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_reminder_deliveries_due_at").OnTable("reminder_deliveries");
        foreach (var column in new[] { "rate_limit_wait_ms", "rate_limit_waits", "retries", "first_due_at" })
        {
            Delete.Column(column).FromTable("reminder_deliveries");
        }
    }
}
