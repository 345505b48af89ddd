using Shian.Kernel.Users;

namespace Shian.Programmes.Contracts;

/// <summary>What may be done with the seeds' counted programmes (社会共治: 志愿者, 科普宣传活动).</summary>
public static class ProgrammesPermissions
{
    [GrantedTo("查阅本辖区食品安全志愿者与科普宣传活动", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Read = "programmes.read";

    [GrantedTo("登记志愿者（入队、培训、退出）与科普宣传活动", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Record = "programmes.record";
}
