using System.Security.Cryptography;

namespace Shian.Kernel.Audit;

/// <summary>
/// The keys of the audit chain's HMAC, kept outside the database (security finding 7): someone who can write the
/// database but not read this file cannot recompute an edited entry's hash. The file (<c>Audit:KeyFile</c>, default
/// <c>{DataDir}/keys/audit.keys</c>, created 0600 with one random key on first start) has one key per line,
/// <c>id base64</c>; the last line signs new entries, older ones still verify theirs. Rotation: append a line
/// (operations.md). Several instances share the file, like the data folder.
/// </summary>
public sealed class AuditKeys
{
    private readonly Dictionary<string, byte[]> _keys;

    public AuditKeys(IReadOnlyList<(string Id, byte[] Key)> keys)
    {
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("The audit key file holds no key");
        }

        _keys = keys.ToDictionary(k => k.Id, k => k.Key, StringComparer.Ordinal);
        CurrentId = keys[^1].Id;
    }

    public string CurrentId { get; }

    public byte[] Current => _keys[CurrentId];

    public byte[]? Find(string? id) => id is not null && _keys.TryGetValue(id, out var key) ? key : null;

    /// <summary>A throwaway key (design-time tools that never write audit entries).</summary>
    public static AuditKeys Ephemeral() => new([("ephemeral", RandomNumberGenerator.GetBytes(32))]);

    /// <summary>Reads the key file, creating it (owner-only) with a new random key if it does not exist.</summary>
    public static AuditKeys Load(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (!File.Exists(path))
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
                writer.WriteLine($"k1 {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first.
            }
        }

        var keys = File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(p => p.Length == 2 ? (p[0], Convert.FromBase64String(p[1])) : throw new InvalidOperationException($"Bad line in the audit key file {path}: expected 'id base64'"))
            .ToList();
        if (keys.Any(k => k.Item2.Length < 32))
        {
            throw new InvalidOperationException($"Audit keys in {path} must be at least 32 bytes");
        }

        return new AuditKeys(keys);
    }
}
