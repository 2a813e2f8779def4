using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// Follow-ups (<c>/remind nag</c>, issue 16): at most one per reminder, in a table of their own so the reminders'
/// rows, and the slot index the fan-out reads, stay as they were.
/// </summary>
[Migration(2026_12_06_1612, "reminder_follow_ups")]
public sealed class Migration1612FollowUps : Migration
{
    public override void Up() =>
        Create.Table("reminder_follow_ups")
            .WithColumn("subscription_id").AsInt64().NotNullable().PrimaryKey("pk_reminder_follow_ups")
            .WithColumn("every_minutes").AsInt32().NotNullable()
            .WithColumn("times").AsInt32().NotNullable();

    public override void Down() => Delete.Table("reminder_follow_ups");
}
