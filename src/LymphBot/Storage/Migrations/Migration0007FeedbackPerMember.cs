using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// One 👍/👎 per member per entry: the voter is kept (so a later vote replaces the earlier one) until they use
/// /forgetme, which clears it and leaves the vote counted. Older votes have no voter.
/// </summary>
[Migration(2026_12_05_1802, "answer_feedback voter")]
public sealed class Migration0007FeedbackPerMember : Migration
{
    public override void Up()
    {
        Alter.Table("answer_feedback").AddColumn("voter_id").AsString(64).Nullable();
        Create.Index("ux_answer_feedback_voter").OnTable("answer_feedback")
            .OnColumn("entry_id").Ascending().OnColumn("platform").Ascending().OnColumn("voter_id").Ascending()
            .WithOptions().Unique();
    }

    public override void Down()
    {
        Delete.Index("ux_answer_feedback_voter").OnTable("answer_feedback");
        Delete.Column("voter_id").FromTable("answer_feedback");
    }
}
