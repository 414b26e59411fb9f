import type { followUpScriptsEn } from './follow-up-scripts.en.ts';

/** 回访话术（#16），每条规则一份：3–5 分钟的通话指引，先问客人现在是否方便。见 follow-up-scripts.en.ts。 */
export const followUpScriptsZhCN: Record<keyof typeof followUpScriptsEn, string> = {
  'followUp.script.minutes': '约 3–5 分钟：简短、亲切，不推销。',
  'followUp.script.open': '{client}您好，我是{salon}的{me}，打扰您了。现在方便说几分钟吗？',
  'followUp.script.notNow': '不方便？先为打扰道歉，问客人什么时间方便，记为“约定回电”。',
  'followUp.script.close': '感谢客人抽空接听；以后有需要随时打电话到店里。',

  'followUp.script.day1.title': '护理后第 1 天：皮肤感觉如何？',
  'followUp.script.day1.1': '问客人昨天做完{service}后皮肤感觉怎样：有没有发红、紧绷或发痒？',
  'followUp.script.day1.2': '问客人是否已经开始居家护理，每样产品会不会用。',
  'followUp.script.day1.3': '有不清楚的地方，再简单讲一遍：用量、次数、先后顺序。',
  'followUp.script.day1.4': '如有异常（过敏、疼痛、起疹），要认真对待：记下来，选择“发现问题”。',

  'followUp.script.day3.title': '第 3 天：方法对不对？',
  'followUp.script.day3.1': '问客人做完{service}后居家护理进行得怎样，皮肤感觉如何。',
  'followUp.script.day3.2': '问清使用方法：多久用一次、用多少、什么时间用。留意小错误。',
  'followUp.script.day3.3': '方法不对的地方耐心纠正，并说明原因。',
  'followUp.script.day3.4': '给客人鼓励：提一提她注意到的变化，效果是一天天累积的。',

  'followUp.script.day7.title': '第 7 天：效果与下一步',
  'followUp.script.day7.1': '问客人{service}一周后看到什么效果，有没有遇到问题。',
  'followUp.script.day7.2': '了解新的需求：接下来想改善哪方面。',
  'followUp.script.day7.3': '建议下次护理的合适时间，可以现在帮她预约。',
  'followUp.script.day7.4': '客人满意的话，问问有没有朋友也想来店里体验（转介绍）。',

  'followUp.script.first_visit_day3.title': '首次到店第 3 天：感谢与关怀',
  'followUp.script.first_visit_day3.1': '感谢客人第一次选择我们做{service}。',
  'followUp.script.first_visit_day3.2': '问客人护理后皮肤感觉如何，有没有意外的地方。',
  'followUp.script.first_visit_day3.3': '问客人在店里有没有来不及问的问题，耐心解答。',
  'followUp.script.first_visit_day3.4': '客人愿意的话，可以建议之后的护理规划；不必今天决定。',

  'followUp.script.product_treatment.title': '功效类产品：第 3 天回访',
  'followUp.script.product_treatment.1': '问客人是否已经开始使用{product}，是怎么用的。',
  'followUp.script.product_treatment.2': '方法正确就鼓励坚持；不正确就耐心讲解正确的用法。',
  'followUp.script.product_treatment.3': '提醒使用期间需要注意的地方。',
  'followUp.script.product_treatment.4': '如有异常反应：请客人先停用，记下来，选择“发现问题”。',

  'followUp.script.product_brand.title': '产品一周内回访',
  'followUp.script.product_brand.1': '问客人{product}用起来感觉怎样：质地、肤感、有没有变化。',
  'followUp.script.product_brand.2': '确认使用时间和用量是否正确；不对就亲切地纠正。',
  'followUp.script.product_brand.3': '鼓励客人坚持，需要帮助随时找我们。',

  'followUp.script.product_supplement.title': '保健品或熏蒸类产品一周内回访',
  'followUp.script.product_supplement.1': '问客人{product}用得怎么样，身体感觉如何。',
  'followUp.script.product_supplement.2': '确认内服或外用的方法和次数，需要时亲切地纠正。',
  'followUp.script.product_supplement.3': '给客人鼓励，告诉她过段时间我们会再回访。',

  'followUp.script.booking_eve.title': '预约前一天提醒',
  'followUp.script.booking_eve.1': '提醒客人明天的{service}和时间，问时间是否还合适。',
  'followUp.script.booking_eve.2': '如不合适，可以帮她改期；也可以用预约链接自己修改。',
  'followUp.script.booking_eve.3': '说明需要准备的事项（不化妆前来、提前几分钟到店）。',

  'followUp.script.birthday_card.title': '生日卡：提前三天',
  'followUp.script.birthday_card.1': '如门店邮寄贺卡，核对收件地址；或确认消息能送达。',
  'followUp.script.birthday_card.2': '告诉客人门店记得她的生日，本月为她准备了一份小惊喜。',
  'followUp.script.birthday_card.3': '简短即可：生日电话是祝福，不是推销。',

  'followUp.script.birthday.title': '生日祝福',
  'followUp.script.birthday.1': '代表{salon}全体同事祝客人生日快乐！',
  'followUp.script.birthday.2': '告诉客人生日当月可到店享受一次特别护理。',
  'followUp.script.birthday.3': '客人想来的话，帮她预约时间。',

  'followUp.script.holiday.title': '节日问候',
  'followUp.script.holiday.1': '代门店向客人和家人致以节日的祝福。',
  'followUp.script.holiday.2': '问候客人近况，分享一条适合当季的护肤小贴士。',
  'followUp.script.holiday.3': '简短温暖，不推销。',

  'followUp.script.seasonal.title': '换季关怀',
  'followUp.script.seasonal.1': '告诉客人天气变化了，门店想分享一条护肤建议。',
  'followUp.script.seasonal.2': '问客人皮肤最近怎样（干燥、敏感、长痘），给一条简单的建议。',
  'followUp.script.seasonal.3': '皮肤需要更多护理的话，推荐一个适合当季的项目。',

  'followUp.script.win_back.title': '好久不见',
  'followUp.script.win_back.1': '告诉客人距离上次{service}已经有一段时间了，问候她最近好不好。',
  'followUp.script.win_back.2': '不施压地问一问：是什么原因没有来，我们哪里可以做得更好。',
  'followUp.script.win_back.3': '如果有不满意的地方，认真倾听、道歉，记下来，选择“发现问题”。',
  'followUp.script.win_back.4': '邀请客人再来：约一个她方便的时间，或介绍门店当前的优惠（如有）。',
};
