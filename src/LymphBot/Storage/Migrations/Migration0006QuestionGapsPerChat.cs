using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// Unanswered questions are kept per chat, so a group's moderators read only what was asked in their group. Questions
/// from private chats share the chat id <c>''</c>: in a private chat the chat id is the member's own id, and the
/// inbox must not tie a question to a person. Rows from before this migration have no chat, so they become private:
/// the safe side, readable only by the configured moderators.
/// </summary>
[Migration(2026_12_05_1801, "question_gaps per chat")]
public sealed class Migration0006QuestionGapsPerChat : Migration
{
    public override void Up()
    {
        // SQLite cannot change a primary key in place: build the new table, copy, swap.
        Create.Table("question_gaps_per_chat")
            .WithColumn("question").AsString(200).NotNullable().PrimaryKey("pk_question_gaps_per_chat")
            .WithColumn("platform").AsString(32).NotNullable().PrimaryKey("pk_question_gaps_per_chat")
            .WithColumn("chat_id").AsString(64).NotNullable().PrimaryKey("pk_question_gaps_per_chat")
            .WithColumn("asked_count").AsInt32().NotNullable()
            .WithColumn("first_asked").AsInt64().NotNullable()
            .WithColumn("last_asked").AsInt64().NotNullable();
        Execute.Sql(
            "INSERT INTO question_gaps_per_chat (question, platform, chat_id, asked_count, first_asked, last_asked) " +
            "SELECT question, platform, '', asked_count, first_asked, last_asked FROM question_gaps");
        Delete.Table("question_gaps");
        Create.Index("ix_question_gaps_per_chat_scope").OnTable("question_gaps_per_chat")
            .OnColumn("platform").Ascending().OnColumn("chat_id").Ascending().OnColumn("asked_count").Descending();
    }

    public override void Down()
    {
        Create.Table("question_gaps")
            .WithColumn("question").AsString(200).NotNullable().PrimaryKey("pk_question_gaps")
            .WithColumn("platform").AsString(32).NotNullable().PrimaryKey("pk_question_gaps")
            .WithColumn("asked_count").AsInt32().NotNullable()
            .WithColumn("first_asked").AsInt64().NotNullable()
            .WithColumn("last_asked").AsInt64().NotNullable();
        Execute.Sql(
            "INSERT INTO question_gaps (question, platform, asked_count, first_asked, last_asked) " +
            "SELECT question, platform, SUM(asked_count), MIN(first_asked), MAX(last_asked) FROM question_gaps_per_chat GROUP BY question, platform");
        Delete.Table("question_gaps_per_chat");
    }
}
