using Shian.Kernel.Users;

namespace Shian.Registry.Contracts;

/// <summary>What may be done with the register (经营者名录). A food business reads and records only its own entry.</summary>
public static class RegistryPermissions
{
    [GrantedTo("查阅经营者名录与档案（经营者本人仅本企业）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Business)]
    public const string Read = "registry.read";

    [GrantedTo("登记经营者、更正登记信息", ShianRoles.Admin, ShianRoles.Officer)]
    public const string Register = "registry.business.register";

    [GrantedTo("变更经营状态（在营、停业、注销）", ShianRoles.Admin, ShianRoles.Officer)]
    public const string ChangeStatus = "registry.business.status";

    [GrantedTo("登记、换发、延续许可证", ShianRoles.Admin, ShianRoles.Officer)]
    public const string Licences = "registry.licence.manage";

    [GrantedTo("登记主体责任事项（经营者仅本企业、仅自我声明类）", ShianRoles.Admin, ShianRoles.Officer, ShianRoles.Inspector, ShianRoles.Business)]
    public const string RecordDuty = "registry.duty.record";

    [GrantedTo("确认或退回经营者自报的主体责任事项", ShianRoles.Admin, ShianRoles.Officer)]
    public const string ConfirmDuty = "registry.duty.confirm";

    [GrantedTo("经营者：我的企业（本企业的待办、许可、检查、抽检、处罚与信用一览）", ShianRoles.Business)]
    public const string Portal = "registry.portal";

    [GrantedTo("监管认定（量化分级、放心示范店等由监管部门评定的事项）", ShianRoles.Admin, ShianRoles.Officer)]
    public const string Designate = "registry.duty.designate";

    [GrantedTo("批量导入经营者名录", ShianRoles.Admin, ShianRoles.Officer)]
    public const string Import = "registry.import";

    [GrantedTo("查看身份证号原文（逐次记入审计日志）", ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string RevealPersonal = "registry.personal-data.reveal";

    [GrantedTo("导出经营者名录", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Export = "registry.export";
}
