using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// A 👎 keeps the question it was about, so moderators read it among the knowledge gaps: <c>question</c> (normalised
/// as the unanswered ones are; NULL for a 👍 and for votes from before this migration), <c>chat_id</c> where it was
/// asked (private chats under <c>''</c>, as in <c>question_gaps_per_chat</c>, so a group's moderators see only their
/// group's), and <c>resolution</c>, what a moderator decided (<c>attached:&lt;entry id&gt;</c> or
/// <c>not-covered</c>). The question names no one by itself but sits beside the voter's id: /mydata counts it and
/// /forgetme deletes it.
/// </summary>
[Migration(2026_12_07_1731, "answer_feedback question, chat_id, resolution")]
public sealed class Migration1731FeedbackQuestions : Migration
{
    public override void Up()
    {
        Alter.Table("answer_feedback").AddColumn("question").AsString(500).Nullable();
        Alter.Table("answer_feedback").AddColumn("chat_id").AsString(64).Nullable();
        Alter.Table("answer_feedback").AddColumn("resolution").AsString(80).Nullable();
        Create.Index("ix_answer_feedback_open").OnTable("answer_feedback")
            .OnColumn("platform").Ascending().OnColumn("chat_id").Ascending().OnColumn("resolution").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_answer_feedback_open").OnTable("answer_feedback");
        foreach (var column in new[] { "resolution", "chat_id", "question" })
        {
            Delete.Column(column).FromTable("answer_feedback");
        }
    }
}
