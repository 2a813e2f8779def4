using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// What moderators decided about an unanswered question on the dashboard: <c>attached:&lt;entry id&gt;</c> or
/// <c>not-covered</c>. NULL is still open, so existing rows stay in the inbox.
/// </summary>
[Migration(2026_12_07_1721, "question_gaps_per_chat resolution")]
public sealed class Migration1721GapResolutions : Migration
{
    public override void Up() => Alter.Table("question_gaps_per_chat").AddColumn("resolution").AsString(80).Nullable();

    public override void Down() => Delete.Column("resolution").FromTable("question_gaps_per_chat");
}
