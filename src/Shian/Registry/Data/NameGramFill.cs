using Microsoft.EntityFrameworkCore;
using Shian.Data;

namespace Shian.Registry.Data;

/// <summary>
/// Writes the name pieces (<see cref="Rules.NameGrams"/>) of one import's businesses with one SQL statement inside the
/// import's transaction: as tracked rows they were ~7 per business and took the 150 000-row import from 1 497 to 941
/// rows/s (docs/benchmarks.md). The SQL makes the same pieces as the rule — code points, ASCII letters folded — as the
/// RegistryNameGrams migration's back-fill does; RegistryTests checks an import's pieces against the rule on both databases.
/// </summary>
internal static class NameGramFill
{
    public static Task<int> ForImportAsync(ShianDb db, Guid importId, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlAsync($"""
                INSERT INTO registry_name_grams (gram, business_id)
                SELECT DISTINCT translate(substr(b.name, i, 2), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), b.id
                FROM registry_businesses b, generate_series(1, char_length(b.name) - 1) AS i
                WHERE b.import_id = {importId}
                """, ct)
            : db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE pos(id, name, i) AS (
                    SELECT id, name, 1 FROM registry_businesses WHERE import_id = {importId} AND length(name) >= 2
                    UNION ALL SELECT id, name, i + 1 FROM pos WHERE i + 1 < length(name))
                INSERT OR IGNORE INTO registry_name_grams (gram, business_id) SELECT lower(substr(name, i, 2)), id FROM pos
                """, ct);
}
