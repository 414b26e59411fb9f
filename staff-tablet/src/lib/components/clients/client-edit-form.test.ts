import { describe, expect, it } from 'vitest';
import { changedFields, type EditForm } from './client-edit-form.ts';

const before: EditForm = {
  firstName: '美丽',
  lastName: '王',
  phone: '+8613800138000',
  birthday: '1988-03-12',
  notes: '',
  language: 'zh-CN',
  email: '',
  referredBy: null,
  referrerName: '',
};

describe('changedFields', () => {
  it('sends only what the desk changed, trimmed', () => {
    expect(changedFields(before, { ...before })).toEqual({});
    expect(changedFields(before, { ...before, birthday: ' 1988-03-21 ', notes: 'Mornings' })).toEqual({ birthday: '1988-03-21', notes: 'Mornings' });
  });

  it('sends an emptied birthday as none', () => {
    expect(changedFields(before, { ...before, birthday: '' })).toEqual({ birthday: null });
  });

  it('sends the e-mail trimmed, an emptied one as none, and the referrer picked (never her name)', () => {
    expect(changedFields(before, { ...before, email: ' meili@example.cn ' })).toEqual({ email: 'meili@example.cn' });
    expect(changedFields({ ...before, email: 'meili@example.cn' }, { ...before, email: '' })).toEqual({ email: null });
    expect(changedFields(before, { ...before, referredBy: 'c-lina', referrerName: '周 丽娜' })).toEqual({ referredBy: 'c-lina' });
    expect(changedFields({ ...before, referredBy: 'c-lina' }, { ...before, referredBy: null })).toEqual({ referredBy: null });
  });
});
