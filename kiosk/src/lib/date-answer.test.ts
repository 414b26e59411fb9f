import { describe, expect, it } from 'vitest';
import { dateAnswerFromText, dateAnswerHint, dateAnswerInWords, dateAnswerText } from './date-answer.ts';

describe('a date answer typed on the kiosk', () => {
  it('reads the salon format of the language on screen: the same digits are different days in en-GB and en-US', () => {
    expect(dateAnswerFromText('04/12/1990', 'en-GB')).toBe('1990-12-04');
    expect(dateAnswerFromText('04/12/1990', 'en-US')).toBe('1990-04-12');
    expect(dateAnswerFromText('1990/12/04', 'zh-CN')).toBe('1990-12-04');
    expect(dateAnswerFromText(' 4.12.1990 ', 'en-GB')).toBe('1990-12-04');
    expect(dateAnswerFromText('1990-12-04', 'en-US')).toBe('1990-12-04');
  });

  it('keeps what is no date as typed (the shared check refuses it), and an empty box as no answer', () => {
    expect(dateAnswerFromText('30/02/1990', 'en-GB')).toBe('30/02/1990');
    expect(dateAnswerFromText('13/25/1990', 'en-US')).toBe('13/25/1990');
    expect(dateAnswerFromText('04/12/90', 'en-GB')).toBe('04/12/90');
    expect(dateAnswerFromText('   ', 'en-GB')).toBeUndefined();
  });

  it('shows a kept answer back in the salon format, with its hint and the day in words', () => {
    expect(dateAnswerText('1990-12-04', 'en-US')).toBe('12/04/1990');
    expect(dateAnswerText('1990-12-04', 'en-GB')).toBe('04/12/1990');
    expect(dateAnswerText('30/02/1990', 'en-GB')).toBe('30/02/1990');
    expect(dateAnswerText(undefined, 'en-GB')).toBe('');
    expect(dateAnswerHint('en-US')).toBe('MM/DD/YYYY');
    expect(dateAnswerHint('zh-CN')).toBe('YYYY/MM/DD');
    expect(dateAnswerInWords('1990-12-04', 'en-GB')).toBe('Tuesday, 4 December 1990');
    expect(dateAnswerInWords('1990-12-04', 'zh-CN')).toBe('1990年12月4日星期二');
    expect(dateAnswerInWords('30/02/1990', 'en-GB')).toBeNull();
  });
});
