using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Trellis.Core.Data;

// Used only by `dotnet ef migrations add`; the connection is never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTrellisDbContext>
{
    public SqliteTrellisDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTrellisDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTrellisDbContext>
{
    public PostgresTrellisDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTrellisDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
