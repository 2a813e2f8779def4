using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// Several times of day as one routine (issue 16): triggers stay one per (zone, time) slot, so a routine is still one
/// subscription per time, and <c>routine_id</c> names the routine's first subscription on the others. NULL is a
/// routine of one, which is every row before this migration, so existing reminders are untouched. (Numbered 1620, not
/// 1602, so it cannot collide with the adherence migrations being written beside it.)
/// </summary>
[Migration(2026_12_06_1620, "reminder_subscriptions routine_id")]
public sealed class Migration1620ReminderRoutines : Migration
{
    public override void Up() => Alter.Table("reminder_subscriptions").AddColumn("routine_id").AsInt64().Nullable();

    public override void Down() => Delete.Column("routine_id").FromTable("reminder_subscriptions");
}
