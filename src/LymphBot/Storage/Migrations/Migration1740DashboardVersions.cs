using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// What the dashboard needs to read only what changed. <c>dashboard_versions</c> keeps one counter per area of figures,
/// moved by triggers in the writer's own transaction, so a reader sees the new number exactly when it sees the write,
/// from any instance and after a restart: <c>gaps</c> (unanswered questions and 👎 votes) and <c>gaps-removed</c> (a
/// gap row deleted or moved to another chat: the one change a reader cannot see from the rows that remain). Each gap
/// row keeps the <c>gaps</c> number of its last change in <c>revision</c>, so the knowledge gaps page reads the rows
/// changed since its last look instead of all 10,000. (The deliveries have their own, narrower rule: migration 1741.
/// A counter moved by every outbox write cost the reminders burst a fifth of its speed on SQLite.)
/// <para>
/// On SQLite every write already holds the one write lock, so the triggers are plain row triggers. On PostgreSQL they
/// are deferred constraint triggers: the counter row is locked only at commit, when the transaction waits for nothing
/// else (so no deadlock between instances, and the lock is held for the commit alone), and bumped once per
/// transaction (<c>bumped_by</c>). Since the lock is held until commit, revisions follow commit order: a reader that
/// sees counter n in its snapshot sees every row with a revision up to n.
/// </para>
/// </summary>
[Migration(2026_12_07_1740, "dashboard versions and gap revisions")]
public sealed class Migration1740DashboardVersions : Migration
{
    // The gap columns a change of which the page shows; the trigger's own revision write is not among them.
    private const string GapColumns = "question, platform, chat_id, asked_count, first_asked, last_asked, resolution";
    private const string FeedbackColumns = "question, platform, chat_id, entry_id, helpful, created_at, resolution";

    public override void Up()
    {
        Create.Table("dashboard_versions")
            .WithColumn("area").AsString(32).NotNullable().PrimaryKey("pk_dashboard_versions")
            .WithColumn("version").AsInt64().NotNullable().WithDefaultValue(0)
            .WithColumn("bumped_by").AsInt64().Nullable();
        foreach (var area in new[] { "gaps", "gaps-removed" })
        {
            Insert.IntoTable("dashboard_versions").Row(new { area, version = 0 });
        }

        foreach (var table in new[] { "question_gaps_per_chat", "answer_feedback" })
        {
            Alter.Table(table).AddColumn("revision").AsInt64().NotNullable().WithDefaultValue(0);
            Create.Index($"ix_{table}_revision").OnTable(table).OnColumn("revision").Ascending();
        }

        IfDatabase(IsSqlite).Delegate(SqliteTriggers);
        IfDatabase(IsPostgres).Delegate(PostgresTriggers);
    }

    public override void Down()
    {
        IfDatabase(IsSqlite).Delegate(() =>
        {
            foreach (var name in SqliteTriggerNames())
            {
                Execute.Sql($"DROP TRIGGER IF EXISTS {name}");
            }
        });
        IfDatabase(IsPostgres).Delegate(() =>
        {
            Execute.Sql("DROP TRIGGER IF EXISTS tr_question_gaps_per_chat_dashboard ON question_gaps_per_chat");
            Execute.Sql("DROP TRIGGER IF EXISTS tr_answer_feedback_dashboard ON answer_feedback");
            Execute.Sql("DROP FUNCTION IF EXISTS dashboard_gap_changed(); " +
                "DROP FUNCTION IF EXISTS dashboard_feedback_changed(); DROP FUNCTION IF EXISTS dashboard_bump(text)");
        });
        foreach (var table in new[] { "question_gaps_per_chat", "answer_feedback" })
        {
            Delete.Index($"ix_{table}_revision").OnTable(table);
            Delete.Column("revision").FromTable(table);
        }

        Delete.Table("dashboard_versions");
    }

    // By prefix: the processor's name carries a version on PostgreSQL (Postgres15_0).
    private static bool IsSqlite(string type) => type.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase);

    private static bool IsPostgres(string type) => type.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> SqliteTriggerNames()
    {
        foreach (var table in new[] { "question_gaps_per_chat", "answer_feedback" })
        {
            foreach (var operation in new[] { "insert", "update", "delete" })
            {
                yield return $"tr_{table}_dashboard_{operation}";
            }
        }
    }

    private void SqliteTriggers()
    {
        const string Bump = "UPDATE dashboard_versions SET version = version + 1 WHERE area = ";
        foreach (var (table, columns, moved) in new[]
        {
            ("question_gaps_per_chat", GapColumns, "OLD.question IS NOT NEW.question OR OLD.platform IS NOT NEW.platform OR OLD.chat_id IS NOT NEW.chat_id"),
            ("answer_feedback", FeedbackColumns, "0"),
        })
        {
            var stamp = $"{Bump}'gaps'; UPDATE {table} SET revision = (SELECT version FROM dashboard_versions WHERE area = 'gaps') WHERE rowid = NEW.rowid;";
            Execute.Sql($"CREATE TRIGGER tr_{table}_dashboard_insert AFTER INSERT ON {table} BEGIN {stamp} END");

            // The stamp's own write sets only revision, which is not in the column list: it does not fire this again.
            Execute.Sql($"CREATE TRIGGER tr_{table}_dashboard_update AFTER UPDATE OF {columns} ON {table} BEGIN {Bump}'gaps-removed' AND ({moved}); {stamp} END");
            Execute.Sql($"CREATE TRIGGER tr_{table}_dashboard_delete AFTER DELETE ON {table} BEGIN {Bump}'gaps-removed'; END");
        }
    }

    private void PostgresTriggers()
    {
        // Once per transaction: the first call bumps and records the transaction, later ones find it recorded.
        Execute.Sql(
            "CREATE FUNCTION dashboard_bump(changed text) RETURNS bigint LANGUAGE plpgsql AS $$ DECLARE v bigint; BEGIN " +
            "UPDATE dashboard_versions SET version = version + 1, bumped_by = txid_current() WHERE area = changed AND bumped_by IS DISTINCT FROM txid_current() RETURNING version INTO v; " +
            "IF v IS NULL THEN SELECT version INTO v FROM dashboard_versions WHERE area = changed; END IF; RETURN v; END $$");
        Execute.Sql(
            "CREATE FUNCTION dashboard_gap_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
            "IF TG_OP = 'DELETE' THEN PERFORM dashboard_bump('gaps-removed'); RETURN NULL; END IF; " +
            "IF TG_OP = 'UPDATE' THEN IF (OLD.question, OLD.platform, OLD.chat_id) IS DISTINCT FROM (NEW.question, NEW.platform, NEW.chat_id) THEN PERFORM dashboard_bump('gaps-removed'); END IF; END IF; " +
            "UPDATE question_gaps_per_chat SET revision = dashboard_bump('gaps') WHERE question = NEW.question AND platform = NEW.platform AND chat_id = NEW.chat_id; " +
            "RETURN NULL; END $$");
        Execute.Sql(
            "CREATE FUNCTION dashboard_feedback_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
            "IF TG_OP = 'DELETE' THEN PERFORM dashboard_bump('gaps-removed'); RETURN NULL; END IF; " +
            "UPDATE answer_feedback SET revision = dashboard_bump('gaps') WHERE id = NEW.id; RETURN NULL; END $$");
        Execute.Sql(
            $"CREATE CONSTRAINT TRIGGER tr_question_gaps_per_chat_dashboard AFTER INSERT OR UPDATE OF {GapColumns} OR DELETE ON question_gaps_per_chat " +
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_gap_changed()");
        Execute.Sql(
            $"CREATE CONSTRAINT TRIGGER tr_answer_feedback_dashboard AFTER INSERT OR UPDATE OF {FeedbackColumns} OR DELETE ON answer_feedback " +
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_feedback_changed()");
    }
}
