using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>
/// What lets the delivery health page keep closed hours added up (<see cref="SealedDeliveryHours"/>):
/// <c>deliveries-sealed</c> in <c>dashboard_versions</c> holds the first-due time (Unix ms) before which hours are kept,
/// and a trigger moves <c>deliveries-settled</c> with any insert, update or delete of a delivery first due before it
/// (before or after the change), so a kept hour is dropped the moment one of its rows changes. The outbox's own writes
/// are to deliveries due now, after the boundary: they pay one comparison. On PostgreSQL the check runs at commit
/// (a deferred constraint trigger, as in migration 1740), so it reads the boundary as late as it can.
/// </summary>
[Migration(2026_12_07_1741, "sealed delivery hours")]
public sealed class Migration1741SealedDeliveryHours : Migration
{
    private const string FirstDueOld = "COALESCE(OLD.first_due_at, OLD.due_at)";
    private const string FirstDueNew = "COALESCE(NEW.first_due_at, NEW.due_at)";
    private const string Boundary = "(SELECT version FROM dashboard_versions WHERE area = 'deliveries-sealed')";
    private static readonly string[] Operations = ["insert", "update", "delete"];
    private const string Bump = "UPDATE dashboard_versions SET version = version + 1 WHERE area = 'deliveries-settled'";

    public override void Up()
    {
        Insert.IntoTable("dashboard_versions").Row(new { area = "deliveries-settled", version = 0 });
        Insert.IntoTable("dashboard_versions").Row(new { area = "deliveries-sealed", version = 0 });
        IfDatabase(t => t.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase)).Delegate(() =>
        {
            Execute.Sql($"CREATE TRIGGER tr_reminder_deliveries_sealed_insert AFTER INSERT ON reminder_deliveries WHEN {FirstDueNew} < {Boundary} BEGIN {Bump}; END");
            Execute.Sql($"CREATE TRIGGER tr_reminder_deliveries_sealed_update AFTER UPDATE ON reminder_deliveries WHEN {FirstDueOld} < {Boundary} OR {FirstDueNew} < {Boundary} BEGIN {Bump}; END");
            Execute.Sql($"CREATE TRIGGER tr_reminder_deliveries_sealed_delete AFTER DELETE ON reminder_deliveries WHEN {FirstDueOld} < {Boundary} BEGIN {Bump}; END");
        });
        IfDatabase(t => t.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase)).Delegate(() =>
        {
            // Each branch reads only the record its operation has.
            Execute.Sql(
                "CREATE FUNCTION dashboard_delivery_sealed() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE sealed bigint; BEGIN " +
                $"sealed := {Boundary}; " +
                $"IF TG_OP <> 'INSERT' THEN IF {FirstDueOld} < sealed THEN PERFORM dashboard_bump('deliveries-settled'); RETURN NULL; END IF; END IF; " +
                $"IF TG_OP <> 'DELETE' THEN IF {FirstDueNew} < sealed THEN PERFORM dashboard_bump('deliveries-settled'); END IF; END IF; " +
                "RETURN NULL; END $$");
            Execute.Sql(
                "CREATE CONSTRAINT TRIGGER tr_reminder_deliveries_sealed AFTER INSERT OR UPDATE OR DELETE ON reminder_deliveries " +
                "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_delivery_sealed()");
        });
    }

    public override void Down()
    {
        IfDatabase(t => t.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase)).Delegate(() =>
        {
            foreach (var operation in Operations)
            {
                Execute.Sql($"DROP TRIGGER IF EXISTS tr_reminder_deliveries_sealed_{operation}");
            }
        });
        IfDatabase(t => t.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase)).Delegate(() =>
            Execute.Sql("DROP TRIGGER IF EXISTS tr_reminder_deliveries_sealed ON reminder_deliveries; DROP FUNCTION IF EXISTS dashboard_delivery_sealed()"));
        Delete.FromTable("dashboard_versions").Row(new { area = "deliveries-settled" });
        Delete.FromTable("dashboard_versions").Row(new { area = "deliveries-sealed" });
    }
}
