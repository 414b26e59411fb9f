import { describe, expect, it } from 'vitest';
import { BACK, NEXT_STEPS, STEPS, canMove, type BackFacts, type BackMove, type Step } from './check-in-steps.ts';

/** A client at the start of their visit: new, nothing asked yet. */
const facts = (over: Partial<BackFacts> = {}): BackFacts => ({
  who: 'new',
  bookingShown: false,
  consentsAsked: 0,
  consentIndex: 0,
  forBooking: false,
  reviewShown: false,
  questionnaireShown: false,
  changingService: false,
  ...over,
});

const PHONE_FORGETTING: BackMove = { to: 'phone', forgetIdentity: true };

describe('the steps of a visit', () => {
  it('every step has its forward moves and its "Back" in the table, and only steps of the table', () => {
    expect(Object.keys(NEXT_STEPS).sort()).toEqual([...STEPS].sort());
    expect(Object.keys(BACK).sort()).toEqual([...STEPS].sort());
    for (const to of Object.values(NEXT_STEPS).flat()) expect(STEPS).toContain(to);
  });

  it('reaches the welcome screen only by forgetting the client, and leaves the ticket only that way', () => {
    for (const from of STEPS) expect(canMove(from, 'welcome'), from).toBe(false);
    expect(NEXT_STEPS.ticket).toEqual([]);
    // The ticket is reached only by the check-in command, from the summary or "Has anything changed?".
    expect(STEPS.filter((s) => canMove(s, 'ticket')).sort()).toEqual(['confirm', 'review']);
  });
});

describe('"Back" from each step', () => {
  const cases: [Step, Partial<BackFacts>, BackMove, string][] = [
    ['welcome', {}, { to: 'welcome' }, 'forgets the client'],
    ['phone', {}, { to: 'welcome' }, 'forgets the client (the number typed)'],
    ['scan', {}, { to: 'phone' }, 'the phone number instead of the camera'],
    ['identify', {}, { to: 'phone' }, 'the number, kept'],
    ['register', {}, PHONE_FORGETTING, 'starts over at the phone number'],
    ['booking', { who: 'proven', bookingShown: true }, PHONE_FORGETTING, 'drops the proven client and their booking'],
    // Consents: one back at a time, then what came before them.
    ['consent', { consentsAsked: 3, consentIndex: 2 }, { to: 'consent', consentIndex: 1 }, 'the consent before'],
    ['consent', { consentsAsked: 3, consentIndex: 0 }, { to: 'register' }, 'a new client: their registration'],
    ['consent', { who: 'proven', bookingShown: true, consentsAsked: 1 }, { to: 'booking' }, 'a proven client: their booking'],
    ['consent', { who: 'proven', consentsAsked: 1 }, PHONE_FORGETTING, 'a proven client without a booking: the number'],
    // The services: the last consent, else what came before the consents.
    ['service', { consentsAsked: 3, consentIndex: 2 }, { to: 'consent', consentIndex: 2 }, 'the last consent'],
    ['service', { who: 'returning' }, PHONE_FORGETTING, 'a client by phone only: the number'],
    ['service', {}, { to: 'register' }, 'a new client where the salon asks no consent: the registration'],
    ['service', { who: 'proven', bookingShown: true }, { to: 'booking' }, 'a late client who joined as a walk-in: the booking'],
    ['service', { who: 'proven' }, PHONE_FORGETTING, 'a proven client without a booking: the number'],
    ['service', { consentsAsked: 3, changingService: true }, { to: 'confirm' }, '"Change" from the summary: the summary'],
    // The consultation: its screens in order, then the services (or for a booking what came before it).
    ['review', {}, { to: 'service' }, 'the services'],
    ['review', { who: 'proven', forBooking: true, bookingShown: true }, { to: 'booking' }, 'a booking: the booking'],
    ['review', { who: 'proven', forBooking: true, bookingShown: true, consentsAsked: 2 }, { to: 'consent', consentIndex: 1 }, 'a booking: its last consent'],
    ['questionnaire', { reviewShown: true }, { to: 'review' }, '"Has anything changed?"'],
    ['questionnaire', {}, { to: 'service' }, 'the services'],
    ['confirm', { questionnaireShown: true }, { to: 'questionnaire' }, 'the questionnaire'],
    ['confirm', {}, { to: 'service' }, 'the services (no questionnaire)'],
    ['confirm', { who: 'proven', forBooking: true, bookingShown: true }, { to: 'booking' }, 'a booking without questions: the booking'],
    ['ticket', {}, { to: 'welcome' }, 'the next client'],
  ];

  it.each(cases)('from %s (%o) leads to %o: %s', (step, over, move) => {
    expect(BACK[step](facts(over))).toEqual(move);
  });

  it('covers every step', () => {
    expect(new Set(cases.map(([step]) => step))).toEqual(new Set(STEPS));
  });

  it('never goes round in circles: from any step of any visit, pressing "Back" ends at the welcome screen', () => {
    const whos: BackFacts['who'][] = ['new', 'returning', 'proven'];
    const bools = [false, true];
    for (const step of STEPS)
      for (const who of whos)
        for (const bookingShown of bools)
          for (const consentsAsked of [0, 1, 3])
            for (const forBooking of bools)
              for (const reviewShown of bools)
                for (const questionnaireShown of bools)
                  for (const changingService of bools) {
                    let at: Step = step;
                    let f = facts({ who, bookingShown, consentsAsked, consentIndex: Math.max(0, consentsAsked - 1), forBooking, reviewShown, questionnaireShown, changingService });
                    let presses = 0;
                    while (at !== 'welcome') {
                      const move = BACK[at](f);
                      // What the flow does with the move: the consent shown, "Change" over, an identity dropped.
                      f = {
                        ...f,
                        consentIndex: move.consentIndex ?? f.consentIndex,
                        changingService: false,
                        ...(move.forgetIdentity ? { who: 'new' as const, bookingShown: false } : {}),
                      };
                      at = move.to;
                      presses += 1;
                      expect(presses, `${step} ${JSON.stringify(f)}`).toBeLessThan(STEPS.length + 4);
                    }
                  }
  });
});
