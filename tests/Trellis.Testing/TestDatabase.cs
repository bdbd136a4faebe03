using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Trellis.Core.Data;

namespace Trellis.Testing;

/// <summary>
/// A fresh, migrated database of either provider: a SQLite file in a temporary folder, or a new
/// PostgreSQL database that is dropped afterwards. Real engines only; no in-memory stand-ins.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            var admin = TestEnvironment.Postgres
                ?? throw new InvalidOperationException("TRELLIS_TEST_POSTGRES is not set; PostgreSQL tests are mandatory under CI");
            var name = "trellis_test_" + Guid.NewGuid().ToString("N")[..12];
            database = new TestDatabase(provider, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, null, name);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), "trellis-tests", Guid.NewGuid().ToString("N") + ".db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            database = new TestDatabase(provider, $"Data Source={file}", file, null);
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    public TrellisDbContext CreateContext() => CreateContext([]);

    /// <summary>A context whose commands or saves pass through interceptors, for tests that make the database fail.</summary>
    public TrellisDbContext CreateContext(params IInterceptor[] interceptors) => Provider == DatabaseProvider.Postgres
        ? new PostgresTrellisDbContext(new DbContextOptionsBuilder<PostgresTrellisDbContext>().UseNpgsql(ConnectionString).AddInterceptors(interceptors).Options)
        : new SqliteTrellisDbContext(new DbContextOptionsBuilder<SqliteTrellisDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }

        if (_postgresName is not null && TestEnvironment.Postgres is { } admin)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await DropAsync(connection, _postgresName);
        }
    }

    /// <summary>
    /// FORCE ends our own sessions, but not an autovacuum worker that started on a database a test wrote a lot to:
    /// only a superuser may end that one (42501). It finishes within moments, so try again briefly.
    /// </summary>
    private static async Task DropAsync(NpgsqlConnection connection, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
