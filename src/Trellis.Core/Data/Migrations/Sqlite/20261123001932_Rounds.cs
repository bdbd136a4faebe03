using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trellis.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DueSoonDays",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RoundId",
                table: "MonitoringEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImprovementLogEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatWeHaveDone = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    When = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WhenDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementLogEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementLogEntries_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatesDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rounds_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RagCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SuggestedRagCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    RagReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionUpdates_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionUpdates_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundNarratives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundNarratives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundNarratives_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessmentEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaForImprovement = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    WhatWeHaveDone = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ImpactOnPractice = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessmentEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentEntries_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringEntries_RoundId",
                table: "MonitoringEntries",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_ActionId",
                table: "ActionUpdates",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionUpdates_RoundId_ActionId",
                table: "ActionUpdates",
                columns: new[] { "RoundId", "ActionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementLogEntries_PlanId",
                table: "ImprovementLogEntries",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundNarratives_RoundId",
                table: "RoundNarratives",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_PlanId_Name",
                table: "Rounds",
                columns: new[] { "PlanId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentEntries_RoundId",
                table: "SelfAssessmentEntries",
                column: "RoundId");

            migrationBuilder.AddForeignKey(
                name: "FK_MonitoringEntries_Rounds_RoundId",
                table: "MonitoringEntries",
                column: "RoundId",
                principalTable: "Rounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MonitoringEntries_Rounds_RoundId",
                table: "MonitoringEntries");

            migrationBuilder.DropTable(
                name: "ActionUpdates");

            migrationBuilder.DropTable(
                name: "ImprovementLogEntries");

            migrationBuilder.DropTable(
                name: "RoundNarratives");

            migrationBuilder.DropTable(
                name: "SelfAssessmentEntries");

            migrationBuilder.DropTable(
                name: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_MonitoringEntries_RoundId",
                table: "MonitoringEntries");

            migrationBuilder.DropColumn(
                name: "DueSoonDays",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "RoundId",
                table: "MonitoringEntries");
        }
    }
}
