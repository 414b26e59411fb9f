import type { bookingEn } from './booking.en.ts';

/** 预约相关拒绝原因和员工平板预约面板的中文。Keys must match booking.en.ts (the type enforces it). */
export const bookingZhCN: Record<keyof typeof bookingEn, string> = {
  'reason.unknown_booking': '该预约不存在。',
  'reason.unknown_booking_link': '此预约二维码无效，请到前台咨询。',
  'reason.booking_not_today': '此预约不是今天的，请到前台咨询。',
  'reason.slot_taken': '抱歉，这个时间刚刚被预约了，请选择其他时间。',
  'reason.slot_past': '这个时间已经过去，请选择其他时间。',
  'reason.hold_expired': '我们只能为您保留几分钟，保留时间已过。请重新选择时间。',
  'reason.booking_not_held': '此预约已确认或已释放。',
  'reason.booking_not_active': '此预约已无法更改。',
  'reason.change_cutoff': '预约只能在开始前 {hours} 小时之前在此更改，请致电门店。',
  'reason.reminder_done': '此提醒已完成。',
  'reason.already_booked_that_day': '您当天已有一个预约。如需改时间，请在护理页面打开该预约；如需同一天再做一项护理，请致电门店。',
  'reason.too_many_bookings': '您已有 {n} 个未到期的预约。如需再预约，请致电门店。',

  'staff.bookings.title': '预约',
  'staff.bookings.today': '今天',
  'staff.bookings.upcoming': '之后几天',
  'staff.bookings.none': '暂无预约。',
  'staff.bookings.anyone': '任意美容师',
  'staff.bookings.checkedIn': '已签到',
  'staff.bookings.more': '还有 {n} 个',
  'staff.tasks.title': '提醒电话',
  'staff.tasks.none': '暂无需要联系的客户。',
  'staff.tasks.call': '致电或发消息给 {name}：明天 {time} 的预约',
  'staff.tasks.phone': '电话：{phone}',
  'staff.tasks.scriptLabel': '参考话术',
  'staff.tasks.script':
    '{name}您好，这里是{salon}。提醒您明天 {time} 与 {staff} 的{service}预约。到店后请在自助签到机上扫描预约页面上的二维码。如需改期或取消，请使用预约链接或致电我们。',
  'staff.tasks.scriptAnyone':
    '{name}您好，这里是{salon}。提醒您明天 {time} 的{service}预约。到店后请在自助签到机上扫描预约页面上的二维码。如需改期或取消，请使用预约链接或致电我们。',
  'staff.tasks.markDone': '已完成',
  'staff.tasks.done': '{name} 已于 {time} 完成',
  'staff.pending.reminderDone': '提醒电话已完成',
};
