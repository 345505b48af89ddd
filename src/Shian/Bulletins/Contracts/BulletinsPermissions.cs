using Shian.Kernel.Users;

namespace Shian.Bulletins.Contracts;

/// <summary>What may be done with the office's public information (信息发布). Reading what is published needs no account.</summary>
public static class BulletinsPermissions
{
    [GrantedTo("查阅本辖区信息发布（含草稿、已撤回）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Read = "bulletins.read";

    [GrantedTo("撰写、发布和撤回本辖区的消费提示、风险警示、通知公告、工作动态", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Publish = "bulletins.publish";
}
