import type { Language } from '@glow/shared';

/**
 * Everything the client's phone pages say (aftercare sheet, print view, problem report, marketing opt-out), in
 * English and Chinese. The pages are rendered on the hub, so their words live beside them; a unit test checks that
 * both languages have every key and the same placeholders.
 */
const en = {
  'title': 'Aftercare',
  'greeting': 'Hello {name}, thank you for visiting {salon}.',
  'service': 'Your treatment: {service}',
  'visitDate': 'Visit on {date}',
  'care': 'Looking after yourself',
  'notes': 'From your beautician',
  'productsUsed': 'Products used today',
  'homeProducts': 'Recommended for home',
  'howToUse': 'How to use:',
  'normal': 'What is normal',
  'notNormal': 'What is not normal',
  'whenToCall': 'When to call us',
  'followUp': 'Our follow-up',
  'followUpDay': 'Day {day}, {date}: we check in on how you are doing.',
  'nextTreatment': 'Your next treatment is due around {date}.',
  'contact': 'Contact the salon',
  'contact.phone': 'Phone',
  'contact.address': 'Address',
  'contact.hours': 'Opening hours',
  'actions': 'What you can do here',
  'action.book': 'Book your next visit',
  'action.report': 'Report a problem',
  'action.optOut': 'Stop marketing messages',
  'action.print': 'Print this sheet',
  'reportClosed': 'It is more than {days} days since your visit, so problems are no longer reported here. If something is wrong, please call the salon on {phone}.',
  'reportClosedNoPhone': 'It is more than {days} days since your visit, so problems are no longer reported here. If something is wrong, please call the salon.',
  'bookings': 'Your next visits',
  'booking.when': '{when}: {service}',
  'booking.with': 'with {staff}',
  'booking.open': 'See, move or cancel',
  'problems': 'Your reports',
  'problem.reportedAt': 'Reported {date}',
  'status.received': 'Received: we will be in touch',
  'status.handling': 'Being handled by the salon',
  'status.resolved': 'Resolved',
  'reported': 'Thank you. The salon has your report and the manager has been told.',
  'optedOut': 'You will not receive marketing messages from us.',
  'language': 'Language',
  'back': 'Back to your aftercare',

  'report.title': 'Report a problem',
  'report.intro': 'Tell us what happened. The salon manager sees it at once.',
  'report.safety': 'If you have trouble breathing, or your face or throat swells, call emergency services first.',
  'report.kind': 'What kind of problem?',
  'report.kind.reaction': 'A skin reaction (redness, itching, swelling, rash)',
  'report.kind.injury': 'An injury (burn, cut, bruise)',
  'report.kind.result': 'I am not happy with the result',
  'report.kind.product': 'A problem with a product',
  'report.kind.other': 'Something else',
  'report.since': 'Since when?',
  'report.since.same_day': 'Since the day of the treatment',
  'report.since.next_day': 'Since the next day',
  'report.since.days_later': 'It started a few days later',
  'report.description': 'What happened?',
  'report.photo': 'A photo (optional, up to 5 MB)',
  'report.photoHelp': 'We remove the location and all other details from the photo before keeping it. Only salon staff can see it.',
  'report.contact': 'How should we contact you?',
  'report.contact.call': 'Call me',
  'report.contact.message': 'Send me a message',
  'report.contact.none': 'Please do not contact me',
  'report.send': 'Send to the salon',
  'report.limit': 'You have already sent the most reports this page takes. Please call the salon on {phone}.',

  'error.title': 'Not sent',
  'error.photo_too_large': 'The photo is larger than 5 MB. Please choose a smaller photo, or send without one.',
  'error.photo_not_image': 'That file is not a photo we can read. Please choose a JPEG, PNG or WebP picture.',
  'error.form': 'Please check: {fields}.',
  'error.too_large': 'What you sent is too large. Please choose a smaller photo (up to 5 MB).',
  'error.report_window_closed': 'Problems can no longer be reported here. Please call the salon.',
  'error.too_many_reports': 'You have already sent the most reports this page takes. Please call the salon.',
  'error.forbidden': 'This form must be sent from the salon’s own page. Please open the link again.',
  'error.unavailable': 'Something went wrong on our side and nothing was saved. Please try again, or call the salon.',

  'optOut.title': 'Marketing messages',
  'optOut.body': 'We will stop sending you offers and news. We will still contact you about your treatment if you asked us to, and your booking reminders still come.',
  'optOut.confirm': 'Stop marketing messages',
  'optOut.done': 'Done. {salon} will not send you marketing messages. Recorded on {date}.',

  'print.title': 'Print your aftercare sheet',
  'print.size': 'Paper size',
  'print.help': 'Use your browser’s Print command. The sheet fits one page.',
  'print.scan': 'Scan to open this sheet on your phone',
  'print.validUntil': 'This link works until {date}.',

  'notFound.title': 'Link not available',
  'notFound.body': 'This link is not valid or has expired. Please ask the salon for a new one.',
} as const;

export type PhoneMessageKey = keyof typeof en;

const zhCN: Record<PhoneMessageKey, string> = {
  'title': '护理须知',
  'greeting': '{name}您好，感谢您光临{salon}。',
  'service': '您的护理项目：{service}',
  'visitDate': '到店日期：{date}',
  'care': '居家护理',
  'notes': '美容师的叮嘱',
  'productsUsed': '今天使用的产品',
  'homeProducts': '推荐居家产品',
  'howToUse': '使用方法：',
  'normal': '正常现象',
  'notNormal': '异常情况',
  'whenToCall': '何时联系我们',
  'followUp': '我们的回访',
  'followUpDay': '第 {day} 天（{date}）：我们会联系您，了解您的恢复情况。',
  'nextTreatment': '建议在 {date} 前后进行下一次护理。',
  'contact': '联系门店',
  'contact.phone': '电话',
  'contact.address': '地址',
  'contact.hours': '营业时间',
  'actions': '您可以在这里',
  'action.book': '预约下次护理',
  'action.report': '反馈问题',
  'action.optOut': '不再接收营销信息',
  'action.print': '打印本页',
  'reportClosed': '距您到店已超过 {days} 天，此页面不再受理问题反馈。如有不适，请致电门店：{phone}。',
  'reportClosedNoPhone': '距您到店已超过 {days} 天，此页面不再受理问题反馈。如有不适，请致电门店。',
  'bookings': '您的下次预约',
  'booking.when': '{when}：{service}',
  'booking.with': '美容师：{staff}',
  'booking.open': '查看、改期或取消',
  'problems': '您的反馈',
  'problem.reportedAt': '反馈时间：{date}',
  'status.received': '已收到：我们会尽快联系您',
  'status.handling': '门店正在处理',
  'status.resolved': '已解决',
  'reported': '谢谢您。门店已收到您的反馈，并已通知店长。',
  'optedOut': '您将不会再收到我们的营销信息。',
  'language': '语言',
  'back': '返回护理须知',

  'report.title': '反馈问题',
  'report.intro': '请告诉我们发生了什么。店长会立即看到。',
  'report.safety': '如出现呼吸困难，或面部、喉咙肿胀，请先拨打急救电话。',
  'report.kind': '问题类型',
  'report.kind.reaction': '皮肤反应（发红、瘙痒、肿胀、皮疹）',
  'report.kind.injury': '受伤（烫伤、割伤、淤青）',
  'report.kind.result': '对护理效果不满意',
  'report.kind.product': '产品问题',
  'report.kind.other': '其他',
  'report.since': '从什么时候开始？',
  'report.since.same_day': '护理当天',
  'report.since.next_day': '护理后第二天',
  'report.since.days_later': '几天后才出现',
  'report.description': '具体情况',
  'report.photo': '照片（可选，最大 5 MB）',
  'report.photoHelp': '保存前我们会删除照片中的位置等所有附加信息。只有门店员工可以查看。',
  'report.contact': '您希望我们如何联系您？',
  'report.contact.call': '给我打电话',
  'report.contact.message': '给我发信息',
  'report.contact.none': '请不要联系我',
  'report.send': '发送给门店',
  'report.limit': '您的反馈次数已达上限。请致电门店：{phone}。',

  'error.title': '未能发送',
  'error.photo_too_large': '照片超过 5 MB。请选择较小的照片，或不附照片发送。',
  'error.photo_not_image': '无法识别该文件为照片。请选择 JPEG、PNG 或 WebP 格式的图片。',
  'error.form': '请检查：{fields}。',
  'error.too_large': '发送的内容过大。请选择较小的照片（最大 5 MB）。',
  'error.report_window_closed': '此页面已不再受理问题反馈。请致电门店。',
  'error.too_many_reports': '您的反馈次数已达上限。请致电门店。',
  'error.forbidden': '此表单必须从门店的页面发送。请重新打开链接。',
  'error.unavailable': '我们这边出了问题，内容未保存。请重试，或致电门店。',

  'optOut.title': '营销信息',
  'optOut.body': '我们将不再向您发送优惠和新闻。如您要求，我们仍会就本次护理联系您，预约提醒也会照常发送。',
  'optOut.confirm': '不再接收营销信息',
  'optOut.done': '已完成。{salon}将不再向您发送营销信息。记录时间：{date}。',

  'print.title': '打印护理须知',
  'print.size': '纸张大小',
  'print.help': '请使用浏览器的“打印”功能。本页可打印在一张纸上。',
  'print.scan': '扫码在手机上打开本页',
  'print.validUntil': '此链接有效期至 {date}。',

  'notFound.title': '链接不可用',
  'notFound.body': '此链接无效或已过期，请向门店索取新的链接。',
};

export const PHONE_MESSAGES: Record<Language, Record<PhoneMessageKey, string>> = { en, 'zh-CN': zhCN };

export type PhoneTranslate = (key: PhoneMessageKey, params?: Record<string, string | number>) => string;

/** A translator for one language; `{name}` placeholders are filled in (the pages escape the result). */
export function phoneTranslator(language: Language): PhoneTranslate {
  const catalogue = PHONE_MESSAGES[language];
  return (key, params = {}) => catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * One formatter per language and time zone, made once: building an Intl.DateTimeFormat costs ~0.1 ms (it loads the
 * locale's data), the sheet formats a dozen dates, and it was ~40 % of the page's CPU under load.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates on the sheet, in the client's language and the salon's time zone. */
export function formatDate(at: number, language: Language, timeZone: string): string {
  const key = `${language} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    // Day before month in English too: clearer on a printed sheet than the US order.
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone });
    // Bounded: a salon has one zone and two languages; a zone change (rare) must not make the map grow for ever.
    if (dateFormats.size >= 16) dateFormats.clear();
    dateFormats.set(key, format);
  }
  return format.format(at);
}
