using FluentMigrator;

namespace LymphBot.Storage.Migrations;

/// <summary>The hash of the command set last registered with each platform and scope, so restarts re-register only on change.</summary>
[Migration(2026_12_06_1501, "command_registrations")]
public sealed class Migration1501CommandRegistrations : Migration
{
    public override void Up() =>
        Create.Table("command_registrations")
            .WithColumn("platform").AsString(32).NotNullable().PrimaryKey("pk_command_registrations")
            .WithColumn("scope").AsString(128).NotNullable().PrimaryKey("pk_command_registrations")
            .WithColumn("hash").AsString(64).NotNullable()
            .WithColumn("registered_at").AsInt64().NotNullable();

    public override void Down() => Delete.Table("command_registrations");
}
