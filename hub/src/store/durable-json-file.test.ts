import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CorruptFileError } from './corrupt-file-error.ts';
import { DurableJsonFile, readWithLow, writeWithLow } from './durable-json-file.ts';
import { FaultFs } from './testing/fault-fs.ts';

describe('DurableJsonFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glow-djf-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns null only for a missing file', async () => {
    expect(await new DurableJsonFile(path.join(dir, 'none.json')).read()).toBeNull();
    expect(await readWithLow(new DurableJsonFile(path.join(dir, 'none.json')))).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['truncated', '{"a": [1, 2'],
    ['not JSON', 'hello'],
  ])('treats a %s file as corrupt, naming it', async (_, content) => {
    await writeFile(path.join(dir, 'bad.json'), content);
    const err = await new DurableJsonFile(path.join(dir, 'bad.json')).read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptFileError);
    expect((err as CorruptFileError).file).toBe('bad.json');
  });

  it('checks the schema but returns the raw JSON', async () => {
    await writeFile(path.join(dir, 'a.json'), JSON.stringify({ n: 1, extra: true }));
    const file = new DurableJsonFile(path.join(dir, 'a.json'), { schema: z.object({ n: z.number() }) });
    expect(await file.read()).toEqual({ n: 1, extra: true });
    const strict = new DurableJsonFile(path.join(dir, 'a.json'), { schema: z.object({ n: z.string() }) });
    await expect(strict.read()).rejects.toThrow(/n: /);
  });

  it('writes through Low: a 0600 temp file, fsync, rename, directory fsync; no temp left', async () => {
    const fs = new FaultFs();
    const file = new DurableJsonFile<{ n: number }>(path.join(dir, 'a.json'), { fs });
    await writeWithLow(file, { n: 42 });
    expect(await file.read()).toEqual({ n: 42 });
    expect(fs.calls.map((c) => c.op).filter((op) => op !== 'readFile')).toEqual([
      'open',
      'write',
      'sync',
      'close',
      'rename',
      'syncDir',
    ]);
    expect((await stat(path.join(dir, 'a.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the old content when the rename fails, and cleans up the temp file', async () => {
    const fs = new FaultFs();
    const file = new DurableJsonFile<{ n: number }>(path.join(dir, 'a.json'), { fs });
    await file.write({ n: 1 });
    fs.failNext('rename', { code: 'EXDEV' });
    await expect(file.write({ n: 2 })).rejects.toThrow(/EXDEV/);
    expect(await file.read()).toEqual({ n: 1 });
    expect(await readdir(dir)).toEqual(['a.json']);
  });
});
