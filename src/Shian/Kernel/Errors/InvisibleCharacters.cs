using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Shian.Kernel.Errors;

/// <summary>
/// Text stored by the platform carries no invisible control characters (security finding 12): a NUL cuts a name short in
/// other systems, and bidirectional overrides (U+202A–U+202E, U+2066–U+2069) make a name display as something it is not
/// ("‮lacipsoh" shown reversed). Checked once, where every channel ends — the context's save — so API bodies, page forms
/// and imports are all covered; tabs and line breaks stay allowed.
/// </summary>
public static class InvisibleCharacters
{
    public static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    public static bool Contains(string? text) => text is not null && text.Any(IsForbidden);

    /// <summary>Refuses the save, naming each field, when an added or changed record's text holds such characters.</summary>
    public static void EnsureNone(ChangeTracker tracker)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(string) && (entry.State == EntityState.Added || p.IsModified)))
            {
                if (property.CurrentValue is string text && Contains(text))
                {
                    var name = property.Metadata.Name;
                    errors[char.ToLowerInvariant(name[0]) + name[1..]] = ["含有不可见的控制字符（如 NUL 或文字方向覆盖符），请删除后重新填写"];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw ShianProblemException.Invalid("request.invisible-characters", "内容含有不可见的控制字符，未保存：" + string.Join("、", errors.Keys), errors);
        }
    }
}
