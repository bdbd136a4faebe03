using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: true),
                    ParentType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Operation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityType_EntityId_Sequence",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_OrganisationId_Sequence",
                table: "AuditRecords",
                columns: new[] { "OrganisationId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_ParentType_ParentId_Sequence",
                table: "AuditRecords",
                columns: new[] { "ParentType", "ParentId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_PlanId_Sequence",
                table: "AuditRecords",
                columns: new[] { "PlanId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRecords");
        }
    }
}
