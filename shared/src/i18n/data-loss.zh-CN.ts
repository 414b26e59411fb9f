/** 管理员提醒：服务器丢失了已确认的更改（某台平板看到的版本比服务器现有的更新；#10 第 7 条）。并入 zh-CN.ts。 */
export const dataLossZhCN = {
  'staff.dataLoss.title': '服务器丢失了最近的更改',
  'staff.dataLoss.body':
    '有一台平板看到的更改比服务器现在保存的多 {lost} 项：服务器的数据是从较旧的副本恢复的，或已损坏。请与团队一起在看板上核对今天的签到、服务和付款，并重新录入缺失的内容。',
  'staff.dataLoss.dismiss': '我已核对',
} as const;
