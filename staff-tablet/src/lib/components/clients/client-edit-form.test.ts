import { describe, expect, it } from 'vitest';
import { changedFields, type EditForm } from './client-edit-form.ts';

const before: EditForm = { firstName: '美丽', lastName: '王', phone: '+8613800138000', birthday: '1988-03-12', notes: '', language: 'zh-CN' };

describe('changedFields', () => {
  it('sends only what the desk changed, trimmed', () => {
    expect(changedFields(before, { ...before })).toEqual({});
    expect(changedFields(before, { ...before, birthday: ' 1988-03-21 ', notes: 'Mornings' })).toEqual({ birthday: '1988-03-21', notes: 'Mornings' });
  });

  it('sends an emptied birthday as none', () => {
    expect(changedFields(before, { ...before, birthday: '' })).toEqual({ birthday: null });
  });
});
