using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>Unanswered questions (normalised, counted, no user) and 👍/👎 feedback on answers (entry id, no user).</summary>
[Migration(2026_11_23_0003, "question_gaps, answer_feedback")]
public sealed class Migration0003KnowledgeInbox : Migration
{
    public override void Up()
    {
        Create.Table("question_gaps")
            .WithColumn("question").AsString(200).NotNullable().PrimaryKey("pk_question_gaps")
            .WithColumn("platform").AsString(32).NotNullable().PrimaryKey("pk_question_gaps")
            .WithColumn("asked_count").AsInt32().NotNullable()
            .WithColumn("first_asked").AsInt64().NotNullable()
            .WithColumn("last_asked").AsInt64().NotNullable();
        Create.Index("ix_question_gaps_count").OnTable("question_gaps").OnColumn("asked_count").Descending();

        Create.Table("answer_feedback")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_answer_feedback").Identity()
            .WithColumn("entry_id").AsString(64).NotNullable()
            .WithColumn("helpful").AsBoolean().NotNullable()
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        Create.Index("ix_answer_feedback_entry").OnTable("answer_feedback").OnColumn("entry_id");
    }

    public override void Down()
    {
        Delete.Table("answer_feedback");
        Delete.Table("question_gaps");
    }
}
