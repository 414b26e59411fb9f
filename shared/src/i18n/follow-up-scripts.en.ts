/**
 * The call scripts of follow-up tasks (#16), one per rule, in the staff member's language: what to say, step by step,
 * in a call of 3 to 5 minutes. Every call opens by asking whether now is a good time (`followUp.script.open`, shown
 * first on every script) and ends politely; caring first, never a hard sell (the salon's process, domain README §3).
 * Placeholders: {client} the client's first name, {me} the caller's first name, {salon} the salon, {service} the
 * service of the visit followed up, {product} the product followed up. Steps are numbered keys
 * `followUp.script.<rule>.<n>`, read in order by `followUpScript` (follow-up-script.ts). Spread into en.ts.
 */
export const followUpScriptsEn = {
  'followUp.script.minutes': 'About 3–5 minutes: short, warm, no selling.',
  'followUp.script.open': 'Hello {client}, this is {me} from {salon}. Is now a good time for a few minutes?',
  'followUp.script.notNow': 'Not a good time? Say sorry for the interruption, ask when suits them, and note it as “Call back”.',
  'followUp.script.close': 'Thank them for their time; they can call the salon whenever they need help.',

  'followUp.script.day1.title': 'Day 1 after the visit: how does the skin feel?',
  'followUp.script.day1.1': 'Ask how their skin has felt since yesterday’s {service}: any redness, tightness or itching?',
  'followUp.script.day1.2': 'Ask whether they have started the home care, and whether they know how to use each product.',
  'followUp.script.day1.3': 'If anything is unclear, explain the steps again simply: how much, how often, in what order.',
  'followUp.script.day1.4': 'If something sounds wrong (a reaction, pain, a rash), take it seriously: note it and choose “Problem found”.',

  'followUp.script.day3.title': 'Day 3: is the method right?',
  'followUp.script.day3.1': 'Ask how they are getting on with the home care after {service}, and how it feels on the skin.',
  'followUp.script.day3.2': 'Ask how they use it: how often, how much, at what time of day. Listen for small mistakes.',
  'followUp.script.day3.3': 'Correct the method kindly where it is not right, and say why it matters.',
  'followUp.script.day3.4': 'Encourage them: mention a change they noticed, and that results build over days.',

  'followUp.script.day7.title': 'Day 7: results and next steps',
  'followUp.script.day7.1': 'Ask what results they see a week after {service}, and whether they met any problem.',
  'followUp.script.day7.2': 'Ask about new needs: a concern they would like to work on next.',
  'followUp.script.day7.3': 'Suggest when the next treatment would help most, and offer to book it now.',
  'followUp.script.day7.4': 'If they are happy, ask whether a friend might like to try the salon too (a referral).',

  'followUp.script.first_visit_day3.title': 'First visit, day 3: welcome back',
  'followUp.script.first_visit_day3.1': 'Thank them for choosing the salon for their first {service}.',
  'followUp.script.first_visit_day3.2': 'Ask how their skin has felt since the treatment, and whether anything surprised them.',
  'followUp.script.first_visit_day3.3': 'Ask whether they had any question they did not get to ask in the salon, and answer it.',
  'followUp.script.first_visit_day3.4': 'If they wish, suggest a plan for their next visits; no pressure to decide today.',

  'followUp.script.product_treatment.title': 'Treatment product, day 3',
  'followUp.script.product_treatment.1': 'Ask whether they have started {product}, and how they use it.',
  'followUp.script.product_treatment.2': 'If the method is right, encourage them to keep going; if not, explain the right way patiently.',
  'followUp.script.product_treatment.3': 'Remind them of what to watch out for while using it.',
  'followUp.script.product_treatment.4': 'Any unusual reaction: ask them to stop using it, note it and choose “Problem found”.',

  'followUp.script.product_brand.title': 'Product follow-up within a week',
  'followUp.script.product_brand.1': 'Ask how they find {product} so far: texture, feel, any change.',
  'followUp.script.product_brand.2': 'Check they use it at the right time and in the right amount; correct it kindly if not.',
  'followUp.script.product_brand.3': 'Encourage them to keep to the routine, and offer help whenever they need it.',

  'followUp.script.product_supplement.title': 'Supplement or steaming product within a week',
  'followUp.script.product_supplement.1': 'Ask how they are getting on with {product}, and how they feel.',
  'followUp.script.product_supplement.2': 'Check how they take or use it (inside or on the skin, how often), and correct it kindly if needed.',
  'followUp.script.product_supplement.3': 'Encourage them, and say the salon will check in again in a while.',

  'followUp.script.booking_eve.title': 'The day before a booking',
  'followUp.script.booking_eve.1': 'Remind them of tomorrow’s {service} and its time, and ask whether it still suits them.',
  'followUp.script.booking_eve.2': 'If it no longer suits, offer to move it; they can also change it from their booking link.',
  'followUp.script.booking_eve.3': 'Mention anything to prepare (come without make-up, arrive a few minutes early).',

  'followUp.script.birthday_card.title': 'Birthday card, three days before',
  'followUp.script.birthday_card.1': 'Check the address the card goes to, if the salon posts it, or that the message reaches them.',
  'followUp.script.birthday_card.2': 'Say the salon is thinking of them for their birthday and has a small surprise this month.',
  'followUp.script.birthday_card.3': 'Keep it short: a birthday call is a greeting, not a sale.',

  'followUp.script.birthday.title': 'Birthday greeting',
  'followUp.script.birthday.1': 'Wish them a happy birthday from everyone at {salon}.',
  'followUp.script.birthday.2': 'Tell them about the birthday-month treat: they can come in once this month to enjoy it.',
  'followUp.script.birthday.3': 'If they would like to come, offer to book a time.',

  'followUp.script.holiday.title': 'Holiday greeting',
  'followUp.script.holiday.1': 'Send the salon’s warm wishes for the holiday to them and their family.',
  'followUp.script.holiday.2': 'Ask how they are, and share one care tip that suits the season.',
  'followUp.script.holiday.3': 'Keep it short and warm; no selling.',

  'followUp.script.seasonal.title': 'Seasonal care',
  'followUp.script.seasonal.1': 'Say the weather is changing and the salon wanted to share a care tip for their skin.',
  'followUp.script.seasonal.2': 'Ask how their skin is coping (dryness, sensitivity, breakouts) and give one simple tip.',
  'followUp.script.seasonal.3': 'If their skin needs more, offer a treatment that suits the season.',

  'followUp.script.win_back.title': 'We miss you',
  'followUp.script.win_back.1': 'Say it has been a while since their last {service}, and ask how they have been.',
  'followUp.script.win_back.2': 'Ask, without pressing, whether anything kept them away or could have been better.',
  'followUp.script.win_back.3': 'If something went wrong, listen, apologise, note it and choose “Problem found”.',
  'followUp.script.win_back.4': 'Invite them back: offer a time that suits them, or a current offer if the salon has one.',
} as const;
