using System.IO.Compression;

namespace Shian.Kernel.Reference;

/// <summary>
/// A .xlsx or .docx is a zip: a few hundred kilobytes can declare gigabytes once inflated (security finding 6: a
/// 406 KB sheet inflating to 400 MB cost 1.5 GB per preview). Before any reader opens one, its central directory is
/// checked — entry count, total inflated size, each entry's compression ratio — and the file is refused with a
/// Chinese reason. The readers bound themselves too (OpenXML's MaxCharactersInPart; importers count rows).
/// </summary>
public static class OfficePackages
{
    /// <summary>More than any real work plan, register or limits sheet (the 150 000-row register inflates to ~60 MB).</summary>
    public const long MaxInflatedBytes = 200L * 1024 * 1024;

    public const int MaxEntries = 2_000;

    /// <summary>Real sheets compress text ~10–30×; a bomb's entries compress thousands of times.</summary>
    public const double MaxRatio = 200;

    /// <summary>The reason the package is refused, or null when it may be read. The stream is left at its start.</summary>
    public static string? Problem(Stream package, long maxInflatedBytes = MaxInflatedBytes)
    {
        var start = package.Position;
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                return $"文件包含 {zip.Entries.Count} 个部件，超过上限 {MaxEntries}，疑似异常文件，已拒绝。";
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.CompressedLength > 0 && entry.Length > 1024 * 1024 && (double)entry.Length / entry.CompressedLength > MaxRatio)
                {
                    return $"文件中的“{entry.FullName}”解压后 {entry.Length / 1024 / 1024} MB，压缩比异常（超过 {MaxRatio:0} 倍），疑似压缩炸弹，已拒绝。";
                }
            }

            return total > maxInflatedBytes
                ? $"文件解压后共 {total / 1024 / 1024} MB，超过上限 {maxInflatedBytes / 1024 / 1024} MB，请拆分后再导入。"
                : null;
        }
        catch (InvalidDataException)
        {
            return "文件已损坏或不是有效的 Office 文件（.xlsx/.docx），无法读取。";
        }
        finally
        {
            package.Position = start;
        }
    }

    /// <summary>Bytes of a package: see <see cref="Problem(Stream, long)"/>.</summary>
    public static string? Problem(byte[] package)
    {
        using var stream = new MemoryStream(package, writable: false);
        return Problem(stream);
    }
}
