using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// Reminder schedules beyond every day (issue 16): the days of the week as a bit set (Monday = 1 … Sunday = 64), an
/// interval in days counted from the first date, the first and last local dates, and the member's label. All are
/// nullable and null means what every row meant before: every day, no end, no label; so existing reminders are
/// untouched and the slot index stays the one the fan-out reads.
/// </summary>
[Migration(2026_12_06_1601, "reminder_subscriptions schedule and label")]
public sealed class Migration1601ReminderSchedules : Migration
{
    public override void Up()
    {
        Alter.Table("reminder_subscriptions").AddColumn("schedule_days").AsInt32().Nullable();
        Alter.Table("reminder_subscriptions").AddColumn("every_days").AsInt32().Nullable();
        Alter.Table("reminder_subscriptions").AddColumn("first_date").AsString(10).Nullable();
        Alter.Table("reminder_subscriptions").AddColumn("last_date").AsString(10).Nullable();
        Alter.Table("reminder_subscriptions").AddColumn("label").AsString(200).Nullable();
    }

    public override void Down()
    {
        foreach (var column in new[] { "label", "last_date", "first_date", "every_days", "schedule_days" })
        {
            Delete.Column(column).FromTable("reminder_subscriptions");
        }
    }
}
