using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Shian.Data;

/// <summary>
/// PostgreSQL binary <c>COPY … FROM STDIN</c> (Npgsql's binary importer) for many new rows of one entity type, inside the
/// context's current transaction: the columns, their names and value conversions (enums as text) come from the EF
/// model, so a row is written exactly as <c>SaveChanges</c> would write it — without a statement and a round trip per
/// batch of rows or the change tracker. For append-only rows that are not audited and raise no events (EPCIS events and
/// their index keys); anything audited still goes through <c>SaveChanges</c>. SQLite has no COPY: callers keep the EF path there.
/// </summary>
public static class BulkCopy
{
    /// <summary>Reserves <paramref name="count"/> values of the table's identity sequence, so rows copied in can be referred to by id.</summary>
    public static async Task<long[]> NextIdsAsync<T>(ShianDb db, int count, CancellationToken ct)
        where T : class
    {
        var (table, _) = TableOf<T>(db);
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single().GetColumnName(table);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('\"{table.Name}\"', '{key}')) FROM generate_series(1, $1)", connection)
        {
            Parameters = { new() { Value = count } },
        };
        var ids = new long[count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; i < count && await reader.ReadAsync(ct); i++)
        {
            ids[i] = reader.GetInt64(0);
        }

        return ids;
    }

    /// <param name="withKey">Write the primary key as set on each row (reserved with <see cref="NextIdsAsync{T}"/>); otherwise the identity fills it.</param>
    public static async Task CopyAsync<T>(ShianDb db, IEnumerable<T> rows, bool withKey, CancellationToken ct)
        where T : class
    {
        var (table, entity) = TableOf<T>(db);
        var columns = entity.GetProperties().Where(p => withKey || !p.IsPrimaryKey()).Select(p => (Property: p, Converter: p.GetTypeMapping().Converter)).ToArray();
        var sql = $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => "\"" + c.Property.GetColumnName(table) + "\""))}) FROM STDIN (FORMAT BINARY)";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var (property, converter) in columns)
            {
                var value = property.PropertyInfo!.GetValue(row);
                if (converter is not null && value is not null)
                {
                    value = converter.ConvertToProvider(value);
                }

                // Binary COPY carries no type per field: each column's own receive function reads the bytes, so text goes
                // to varchar/char columns, a UTC DateTime to timestamptz, decimal to numeric as SaveChanges sends them.
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(value, ct);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static (StoreObjectIdentifier Table, IEntityType Entity) TableOf<T>(ShianDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        return (StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), entity);
    }
}
