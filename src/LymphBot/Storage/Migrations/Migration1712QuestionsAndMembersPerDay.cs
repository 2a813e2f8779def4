using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// The Overview's two missing series. <c>question_counts</c>: how many questions of each kind (answer, clarify,
/// not_found, safety) were asked per chat and UTC day (<c>day</c> = Unix ms / 86,400,000); no question text, and
/// private chats under the chat id <c>''</c>, as in <c>question_gaps_per_chat</c>. <c>active_members_per_day</c>: per
/// chat and day, the most members seen with at least one active daily reminder (a snapshot taken hourly, since
/// subscriptions keep only their current state); private chats again under <c>''</c>.
/// </summary>
[Migration(2026_12_07_1712, "question_counts, active_members_per_day")]
public sealed class Migration1712QuestionsAndMembersPerDay : Migration
{
    public override void Up()
    {
        Create.Table("question_counts")
            .WithColumn("platform").AsString(32).NotNullable().PrimaryKey("pk_question_counts")
            .WithColumn("chat_id").AsString(64).NotNullable().PrimaryKey("pk_question_counts")
            .WithColumn("day").AsInt64().NotNullable().PrimaryKey("pk_question_counts")
            .WithColumn("kind").AsString(16).NotNullable().PrimaryKey("pk_question_counts")
            .WithColumn("asked").AsInt32().NotNullable();
        Create.Index("ix_question_counts_day").OnTable("question_counts").OnColumn("day").Ascending();

        Create.Table("active_members_per_day")
            .WithColumn("platform").AsString(32).NotNullable().PrimaryKey("pk_active_members_per_day")
            .WithColumn("chat_id").AsString(64).NotNullable().PrimaryKey("pk_active_members_per_day")
            .WithColumn("day").AsInt64().NotNullable().PrimaryKey("pk_active_members_per_day")
            .WithColumn("members").AsInt32().NotNullable();
        Create.Index("ix_active_members_per_day_day").OnTable("active_members_per_day").OnColumn("day").Ascending();
    }

    public override void Down()
    {
        Delete.Table("active_members_per_day");
        Delete.Table("question_counts");
    }
}
