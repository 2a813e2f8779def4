using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// Program enrollments (issue 16, <c>/program</c>): who joined which program in which chat, and the course subscription
/// (kind 'Program') that delivers its steps through the slot scheduler and the outbox. A table of its own, so the
/// reminders' rows and the slot index stay as they were, and an enrollment outlives its course as the record moderators
/// count and <c>/mydata</c> shows. At most one active enrollment per member and program: the partial unique index
/// makes a second join a no-op even from two instances at once.
/// </summary>
[Migration(2026_12_06_1640, "program_enrollments")]
public sealed class Migration1640ProgramEnrollments : Migration
{
    public override void Up()
    {
        Create.Table("program_enrollments")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_program_enrollments").Identity()
            .WithColumn("program_id").AsString(40).NotNullable()
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("user_id").AsString(64).NotNullable()
            .WithColumn("chat_id").AsString(64).NotNullable()
            .WithColumn("subscription_id").AsInt64().Nullable()
            .WithColumn("days").AsInt32().NotNullable()
            .WithColumn("first_day").AsString(10).NotNullable()
            .WithColumn("state").AsString(16).NotNullable()
            .WithColumn("joined_at").AsInt64().NotNullable()
            .WithColumn("ended_at").AsInt64().Nullable()
            .WithColumn("days_done").AsInt32().Nullable();
        Create.Index("ix_program_enrollments_chat").OnTable("program_enrollments").OnColumn("platform").Ascending().OnColumn("chat_id").Ascending();
        Create.Index("ix_program_enrollments_subscription").OnTable("program_enrollments").OnColumn("subscription_id").Ascending();

        // Partial indexes are spelt alike on SQLite and PostgreSQL; FluentMigrator's builder has no filter for both.
        Execute.Sql("CREATE UNIQUE INDEX ux_program_enrollments_active ON program_enrollments (platform, user_id, program_id) WHERE state = 'Active'");
    }

    public override void Down() => Delete.Table("program_enrollments");
}
