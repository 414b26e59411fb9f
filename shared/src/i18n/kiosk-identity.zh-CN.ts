import type { kioskIdentityEn } from './kiosk-identity.en.ts';

/** 自助机客人身份的中文消息（见 kiosk-identity.en.ts）。 */
export const kioskIdentityZhCN: Record<keyof typeof kioskIdentityEn, string> = {
  'staff.identity.duplicate_number': '此客人在自助机用属于另一位客人的手机号登记：请当面确认身份。',
  'staff.identity.returning_unproven': '仅凭手机号签到：请确认是否为 {name} 本人。',
  'staff.identity.number_not_on_file': '客人说以前来过，但此手机号没有任何记录：请询问姓名。',
  'staff.identity.short': '请核对身份',
  'staff.identity.saysBooked': '客人说今天有预约：请在预约中核对。',
  'staff.identity.samePerson': '与已有记录的客人是同一人',
  'staff.identity.separate': '是另一个人：分开保存',
  'staff.identity.confirm': '已当面核对',
  'staff.identity.notThem': '不是 {name}：删除带来的回答',
};
