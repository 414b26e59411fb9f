import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useJitlessZod, zodIsJitless } from './browser-zod.ts';

describe('zod in the browser apps', () => {
  afterEach(() => {
    z.config({ jitless: false });
  });

  it('parses without compiling code once the app asked for it, and still parses', () => {
    expect(zodIsJitless()).toBe(false);
    useJitlessZod();
    expect(zodIsJitless()).toBe(true);
    expect(z.object({ a: z.number() }).safeParse({ a: 1 }).success).toBe(true);
    expect(z.object({ a: z.number() }).safeParse({ a: 'x' }).success).toBe(false);
  });
});
