using Shian.Kernel.Users;

namespace Shian.Surveys.Contracts;

/// <summary>What may be done with surveys (问卷调查: 知晓率, 满意度). Answering a survey needs no account.</summary>
public static class SurveysPermissions
{
    [GrantedTo("查阅本辖区的问卷调查、进度与结果", ShianRoles.Admin, ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Read = "surveys.read";

    [GrantedTo("设计问卷调查（题目、样本量与配额）、发放邀请码、开始和结束调查", ShianRoles.Admin, ShianRoles.Coordinator)]
    public const string Manage = "surveys.manage";

    [GrantedTo("入户或拦截访问：代受访者录入答卷（记录访问员）", ShianRoles.Coordinator, ShianRoles.Officer)]
    public const string Interview = "surveys.interview";
}
