using Microsoft.EntityFrameworkCore;
using Trellis.Core.Data;
using Trellis.Testing;

namespace Trellis.Core.Tests.Data;

public class MigrationsTests
{
    [Fact]
    public async Task Sqlite_ModelMatchesMigrations()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed without a SQLite migration: run dotnet ef migrations add <Name> --context SqliteTrellisDbContext --output-dir Data/Migrations/Sqlite");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [PostgresFact]
    public async Task Postgres_ModelMatchesMigrations()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed without a PostgreSQL migration: run dotnet ef migrations add <Name> --context PostgresTrellisDbContext --output-dir Data/Migrations/Postgres");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public void EachProviderHasItsOwnMigrations()
    {
        var sqlite = typeof(SqliteTrellisDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace?.EndsWith("Migrations.Sqlite", StringComparison.Ordinal) == true && t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .ToList();
        var postgres = typeof(PostgresTrellisDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace?.EndsWith("Migrations.Postgres", StringComparison.Ordinal) == true && t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .ToList();
        Assert.NotEmpty(sqlite);
        Assert.NotEmpty(postgres);
    }
}
