import { describe, expect, it } from 'vitest';
import { readSegment } from './journal-reader.ts';
import { segmentFileName } from './journal-segments.ts';
import { SimFs } from './testing/sim-fs.ts';

const DIR = '/j';
const line = (seq: number) => `${JSON.stringify({ seq, at: 1, commandId: null, command: 'test', changes: {} })}\n`;

async function segmentWith(bytes: Buffer) {
  const fs = new SimFs();
  await fs.mkdir(DIR);
  const handle = await fs.open(`${DIR}/${segmentFileName(0)}`, 'wx');
  await handle.write(bytes, 0);
  await handle.close();
  return readSegment(fs, DIR, { file: segmentFileName(0), base: 0 });
}

describe('readSegment: a torn last line or damage', () => {
  it('the start of a JSON line after the last newline is a torn write (a crash mid-group): not an entry, not damage', async () => {
    const whole = line(1) + line(2);
    const segment = await segmentWith(Buffer.from(whole + line(3).slice(0, 20)));
    expect(segment.items.map((i) => i.kind)).toEqual(['entry', 'entry']);
    expect(segment.goodLength).toBe(Buffer.byteLength(whole));
    expect(segment.tornBytes).toBe(20);
  });

  it('zeros or other bytes after the last newline are damage (a disk that lost data), so replay refuses them', async () => {
    const whole = line(1);
    for (const tail of [Buffer.alloc(64), Buffer.from('\u00ff\u00fe garbage'), Buffer.from('{"seq":2\u0000\u0000')]) {
      const segment = await segmentWith(Buffer.concat([Buffer.from(whole), tail]));
      expect(segment.items.map((i) => i.kind)).toEqual(['entry', 'damaged']);
      expect(segment.goodLength).toBe(Buffer.byteLength(whole));
    }
    // A whole segment of zeros (no newline at all) is damage too, not one long torn line.
    const zeros = await segmentWith(Buffer.alloc(4096));
    expect(zeros.items).toEqual([{ kind: 'damaged', line: 1, reason: 'the last line is not the start of a journal entry' }]);
  });
});
