import { describe, expect, it } from 'vitest';
import { createTranslator, type ClientRecord } from '@glow/shared';
import { longDay } from './record-dates.ts';
import { mergeSideOf } from './merge-sides.ts';

const record = (over: Partial<ClientRecord>): ClientRecord =>
  ({
    client: { id: 'c1', firstName: 'Ann', lastName: 'Lee', phone: '+447946095800', birthday: '1988-03-21' },
    visits: [{ id: 'v1' }, { id: 'v2' }],
    dates: { firstVisit: 0, lastVisit: Date.UTC(2026, 10, 2, 10), birthday: '1988-03-21' },
    consents: [{ kind: 'marketing', version: 2, granted: false, at: Date.UTC(2025, 0, 5, 10) }],
    ...over,
  }) as unknown as ClientRecord;

const format = (language: 'en' | 'zh-CN') => {
  const locale = language === 'en' ? 'en-GB' : 'zh-CN';
  const long = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    t: createTranslator(language),
    longDate: (at: number) => long.format(at),
    day: (ymd: string) => longDay(ymd, locale),
    phone: (p: string) => p,
    name: (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`,
  };
};

describe('mergeSideOf', () => {
  it('writes a side with its visits over the whole group, its last visit, birthday and consents in English', () => {
    expect(mergeSideOf(record({}), format('en'))).toEqual({
      name: 'Ann Lee',
      phone: '+447946095800',
      birthday: '21 March 1988',
      visits: '2',
      lastVisit: '2 November 2026',
      consents: ['Marketing v2: no, 5 January 2025'],
    });
  });

  it('says none where there is nothing, in Chinese', () => {
    const side = mergeSideOf(record({ visits: [], dates: { firstVisit: null, lastVisit: null, birthday: null }, consents: [], client: { id: 'c', firstName: '美丽', lastName: '王', phone: '+86', birthday: null } as never }), format('zh-CN'));
    expect(side).toMatchObject({ birthday: '未填写', visits: '0', lastVisit: '无', consents: ['无'] });
  });
});
