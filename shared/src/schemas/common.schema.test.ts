import { describe, expect, it } from 'vitest';
import { CommandIdSchema, IdSchema } from './common.schema.ts';

describe('ids', () => {
  it('refuse the names a plain object inherits, which would find a record where there is none', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(IdSchema.safeParse(name).success, name).toBe(false);
    }
    for (const name of ['constructor', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString']) {
      expect(CommandIdSchema.safeParse(name).success, name).toBe(false);
    }
    expect(IdSchema.parse('room-1')).toBe('room-1');
    expect(IdSchema.parse('toString2')).toBe('toString2');
    expect(CommandIdSchema.parse('c8a1f0e2b3d4')).toBe('c8a1f0e2b3d4');
  });
});
