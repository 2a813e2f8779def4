using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// The weekly recap (<c>/progress weekly on</c>, issue 16) is a subscription of kind <c>WeeklyRecap</c> in its (zone,
/// time) slot, so the slot scheduler and the outbox serve it as they serve reminders. This unique partial index keeps it
/// to one per member, and lets setting it again be one upsert on both databases (two instances setting it at once
/// cannot leave two). Rest days and paused days need no schema: they are rows of <c>reminder_outcomes</c>.
/// </summary>
[Migration(2026_12_06_1630, "reminder_subscriptions one weekly recap per member")]
public sealed class Migration1630WeeklyRecaps : Migration
{
    public override void Up() =>
        Execute.Sql("CREATE UNIQUE INDEX ux_reminder_subscriptions_weekly_recap ON reminder_subscriptions (platform, user_id) WHERE kind = 'WeeklyRecap'");

    public override void Down() => Execute.Sql("DROP INDEX ux_reminder_subscriptions_weekly_recap");
}
