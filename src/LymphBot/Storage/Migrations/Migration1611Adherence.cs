using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// Adherence (issue 16): an occurrence can be snoozed up to three times, so the outbox's key gains a sequence (0 for
/// the occurrence itself, 1-3 for its snoozes; existing rows are 0 and keep their meaning), and how each occurrence
/// ended is stored in <c>reminder_outcomes</c>, one row per subscription and local date, with the member's id so
/// <c>/forgetme</c> finds it even without the subscription.
/// </summary>
[Migration(2026_12_06_1611, "reminder_deliveries.sequence, reminder_outcomes")]
public sealed class Migration1611Adherence : Migration
{
    public override void Up()
    {
        Alter.Table("reminder_deliveries").AddColumn("sequence").AsInt32().NotNullable().WithDefaultValue(0);
        Delete.Index("ux_reminder_deliveries_occurrence").OnTable("reminder_deliveries");
        Create.Index("ux_reminder_deliveries_occurrence").OnTable("reminder_deliveries")
            .OnColumn("subscription_id").Ascending().OnColumn("local_date").Ascending().OnColumn("kind").Ascending().OnColumn("sequence").Ascending()
            .WithOptions().Unique();

        Create.Table("reminder_outcomes")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_reminder_outcomes").Identity()
            .WithColumn("subscription_id").AsInt64().NotNullable()
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("local_date").AsString(10).NotNullable()
            .WithColumn("outcome").AsString(16).NotNullable()
            .WithColumn("recorded_at").AsInt64().NotNullable();
        Create.Index("ux_reminder_outcomes_occurrence").OnTable("reminder_outcomes")
            .OnColumn("subscription_id").Ascending().OnColumn("local_date").Ascending()
            .WithOptions().Unique();
        Create.Index("ix_reminder_outcomes_member").OnTable("reminder_outcomes").OnColumn("platform").Ascending().OnColumn("user_id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("reminder_outcomes");
        Delete.Index("ux_reminder_deliveries_occurrence").OnTable("reminder_deliveries");
        Delete.Column("sequence").FromTable("reminder_deliveries");
        Create.Index("ux_reminder_deliveries_occurrence").OnTable("reminder_deliveries")
            .OnColumn("subscription_id").Ascending().OnColumn("local_date").Ascending().OnColumn("kind").Ascending()
            .WithOptions().Unique();
    }
}
