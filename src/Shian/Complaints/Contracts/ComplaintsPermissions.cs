using Shian.Kernel.Users;

namespace Shian.Complaints.Contracts;

/// <summary>What may be done with complaints and reports (投诉举报). Filing one needs no account (the public form, Open311).</summary>
public static class ComplaintsPermissions
{
    [GrantedTo("查阅投诉举报（投诉举报人身份已遮蔽）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Read = "complaints.read";

    [GrantedTo("登记热线来电（12315/12345/12331）", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Intake = "complaints.intake";

    [GrantedTo("办理投诉举报：受理、调解、核查、移送、合并、答复、办结", ShianRoles.Admin, ShianRoles.Officer)]
    public const string Handle = "complaints.handle";

    [GrantedTo("查看投诉举报人身份与联系方式（每次查看记入审计）", ShianRoles.Admin, ShianRoles.Officer)]
    public const string Reveal = "complaints.reveal";

    [GrantedTo("审批举报奖励", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string ApproveReward = "complaints.reward.approve";

    [GrantedTo("经营者：答复转来的消费者投诉（仅本企业；看不到投诉人身份）", ShianRoles.Business)]
    public const string Own = "complaints.own";

    [GrantedTo("管理 Open311 接入密钥", ShianRoles.Admin)]
    public const string Clients = "complaints.clients";
}
