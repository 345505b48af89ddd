using System.Text.RegularExpressions;

namespace Shian.Governance.Rules;

/// <summary>
/// Whether an unresolved unit name means several units ("市政府食安委有关成员单位", "各相关部门", "县直有关单位"): such a name
/// is mapped to several units for this plan and is not learned as an alias of one unit (its members differ task by task).
/// </summary>
public static partial class UnitGroupNames
{
    [GeneratedRegex("(有关|相关|各|成员单位|等部门|等单位|部门$|单位$)")]
    private static partial Regex GroupWords();

    public static bool IsGroup(string name) => GroupWords().IsMatch(name.Trim());
}
