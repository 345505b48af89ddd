using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Shian.Data;
using Shian.Kernel.Identifiers;

namespace Shian.Kernel.Privacy;

/// <summary>A personal identifier as stored: the masked form everyone with access to the record sees, and the sealed clear value.</summary>
public readonly record struct SealedIdentifier(string? Masked, string? Sealed);

/// <summary>
/// Personal identifiers (身份证号) at rest (security finding 11; 个人信息保护法 第五十一条 加密、去标识化): the database keeps only
/// a masked form and the value sealed with ASP.NET Core Data Protection, whose keys live outside the database
/// (<c>{DataDir}/keys/data-protection</c>, 0700). Revealing the clear value is a permission of its own and each reveal is a
/// security event in the audit chain (the caller records it; see the registry's reveal endpoint).
/// </summary>
public sealed class PersonalData(IDataProtectionProvider provider, IOptions<ShianOptions> options)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Shian.PersonalData.v1");

    private byte[]? _digestKey;

    /// <summary>Any personal text (a complainant's name or phone) sealed; null for none.</summary>
    public string? Seal(string? clear) => string.IsNullOrEmpty(clear) ? null : _protector.Protect(clear);

    /// <summary>
    /// A keyed digest (HMAC-SHA256) of a personal value: equal values give equal digests, so records can be matched
    /// (the same phone filing again) without storing the value. The key lives beside the Data Protection keys in the
    /// data folder (0600), never in the database.
    /// </summary>
    public string Digest(string clear) => Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(DigestKey(), System.Text.Encoding.UTF8.GetBytes(clear)));

    private byte[] DigestKey()
    {
        if (_digestKey is { } k)
        {
            return k;
        }

        var folder = Path.Combine(options.Value.DataDirFullPath, "keys");
        PrivateFiles.CreateFolder(folder);
        var path = Path.Combine(folder, "personal-digest.key");
        if (!File.Exists(path))
        {
            try
            {
                using var f = PrivateFiles.Create(path, FileMode.CreateNew);
                f.Write(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first: use theirs.
            }
        }

        return _digestKey = File.ReadAllBytes(path);
    }

    public SealedIdentifier SealResidentId(string? clear) =>
        string.IsNullOrEmpty(clear) ? default : new SealedIdentifier(ResidentId.Mask(clear), _protector.Protect(clear));

    /// <summary>The clear value, or null when there is none or it cannot be unsealed (a lost key ring).</summary>
    public string? Reveal(string? sealedValue)
    {
        if (string.IsNullOrEmpty(sealedValue))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(sealedValue);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>Data Protection keys in the data folder that instances share (cookies, tokens and sealed identifiers survive restarts and work on every instance).</summary>
internal static class DataProtectionSetup
{
    public static IServiceCollection AddShianDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("Shian");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ShianOptions>, ILoggerFactory>((o, shian, logs) =>
        {
            var dir = configuration["DataProtection:KeyFolder"] is { Length: > 0 } k ? k : Path.Combine(shian.Value.DataDirFullPath, "keys", "data-protection");
            Directory.CreateDirectory(dir);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.GetDirectoryName(Path.GetFullPath(dir))!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(dir), logs);
        });
        services.AddSingleton<PersonalData>();
        return services;
    }
}
