import { describe, expect, it } from 'vitest';
import { clearMidVisit, markMidVisit, readMidVisit } from './mid-visit.ts';
import { MemoryStorage } from './memory-storage.ts';

describe('the mark of a visit cut short by a reload', () => {
  it('keeps the language the client was reading, so the notice after the reload is in it', () => {
    const storage = new MemoryStorage();
    markMidVisit(storage, 'zh-CN');
    expect(readMidVisit(storage)).toEqual({ reloaded: true, language: 'zh-CN' });
  });

  it('is gone once the visit is over, and ignores a mark it cannot read', () => {
    const storage = new MemoryStorage();
    markMidVisit(storage, 'en');
    clearMidVisit(storage);
    expect(readMidVisit(storage)).toEqual({ reloaded: false, language: null });
    storage.setItem('glow.kiosk.midVisit', '1');
    expect(readMidVisit(storage)).toEqual({ reloaded: true, language: null });
  });
});
