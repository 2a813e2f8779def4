using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>Phrasings members chose under "Did you mean…?" (normalised question, entry, status, count; no user).</summary>
[Migration(2026_12_05_1301, "suggested_phrasings")]
public sealed class Migration1301SuggestedPhrasings : Migration
{
    public override void Up()
    {
        Create.Table("suggested_phrasings")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_suggested_phrasings").Identity()
            .WithColumn("question").AsString(200).NotNullable()
            .WithColumn("entry_id").AsString(64).NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("platform").AsString(32).NotNullable()
            .WithColumn("chosen_count").AsInt32().NotNullable()
            .WithColumn("first_chosen").AsInt64().NotNullable()
            .WithColumn("last_chosen").AsInt64().NotNullable();
        Create.Index("ux_suggested_phrasings_pair").OnTable("suggested_phrasings")
            .OnColumn("question").Ascending().OnColumn("entry_id").Ascending().WithOptions().Unique();
    }

    public override void Down() => Delete.Table("suggested_phrasings");
}
