using Shian.Kernel.Users;

namespace Shian.Credit.Contracts;

/// <summary>What may be done with credit files, penalty disclosure (Order 45) and the 严重违法失信名单 (Order 44).</summary>
public static class CreditPermissions
{
    [GrantedTo("查阅信用档案、行政处罚信息公示和严重违法失信名单", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Read = "credit.read";

    [GrantedTo("公示处罚信息，发出列入严重违法失信名单告知，登记陈述申辩、信用修复申请和守信记录", ShianRoles.Admin, ShianRoles.Officer)]
    public const string Handle = "credit.handle";

    [GrantedTo("负责人决定：列入或不列入严重违法失信名单，信用修复（提前移出、提前停止公示）", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Approve = "credit.approve";

    [GrantedTo("管理联合惩戒查询密钥，查看查询记录，下载信用信息推送文件", ShianRoles.Admin)]
    public const string Exchange = "credit.exchange";

    [GrantedTo("经营者：查阅本企业的处罚公示和失信名单事项，在线陈述申辩、申请信用修复", ShianRoles.Business)]
    public const string Own = "credit.own";
}
