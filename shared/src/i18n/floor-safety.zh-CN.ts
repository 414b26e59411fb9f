import type { floorSafetyEn } from './floor-safety.en.ts';

/** 楼层安全规则的中文消息（见 floor-safety.en.ts）。 */
export const floorSafetyZhCN: Record<keyof typeof floorSafetyEn, string> = {
  'reason.consultation_pending': '尚未完成问诊：请先与客人逐一确认健康问题，然后才能确认方案。',
  'reason.consultation_already_done': '该客人的问诊已记录。',
  'reason.consultation_not_now': '问诊需在房间内、确认方案之前记录（当前状态：{state}）。',
  'reason.health_data_not_yours': '只有客人的美容师或店长可以记录健康问答。',
  'reason.staff_not_present': '该员工今天不在店：今天没有人以其身份登录，前台也未标记其到岗。',
  'staff.consultation.pending': '尚未问诊',
  'staff.consultation.pendingHint': '客人没有在自助机上回答健康问题。请在确认方案前当面询问。',
  'staff.consultation.start': '开始问诊',
  'staff.consultation.save': '保存回答',
  'staff.consultation.cancel': '返回',
  'staff.consultation.inRoomTitle': '与客人一起问诊',
  'staff.consultation.yes': '是',
  'staff.consultation.no': '否',
  'staff.consultation.required': '必填',
  'staff.consultation.toReview': '客人在自助机上仅凭手机号确认“没有变化”：请在确认方案前与客人逐一核对这些回答。',
  'staff.consultation.recorded': '已在房间内完成问诊',
  'staff.consultation.withheld': '健康问答：仅客人的美容师和店长可见。',
  'staff.board.roomActions': '前台操作',
  'staff.board.unacceptedBy': '{name} 未及时接受：已回到排队中',
  'staff.board.backToQueue': '退回排队',
  'staff.board.markPresent': '标记到岗',
  'staff.board.present': '今天在店',
  'staff.board.notPresent': '今天未登录',
  'staff.alert.unaccepted': '{ticket} 在 {n} 分钟内未被接受：客人已回到排队中。',
};
