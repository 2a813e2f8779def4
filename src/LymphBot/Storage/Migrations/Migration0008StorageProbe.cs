using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>One row that the readiness check rewrites, so /readyz proves the database takes writes, not only reads.</summary>
[Migration(2026_12_05_1803, "storage_probe")]
public sealed class Migration0008StorageProbe : Migration
{
    public override void Up()
    {
        Create.Table("storage_probe")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey("pk_storage_probe")
            .WithColumn("checked_at").AsInt64().NotNullable();
        Insert.IntoTable("storage_probe").Row(new { id = 1, checked_at = 0L });
    }

    public override void Down() => Delete.Table("storage_probe");
}
