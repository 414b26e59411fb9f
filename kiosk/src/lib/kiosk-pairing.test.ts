import { describe, expect, it } from 'vitest';
import { DEVICE_KEY, loadCredential, saveCredential } from './kiosk-device.ts';
import { pairKiosk } from './kiosk-pairing.ts';
import { MemoryStorage } from './memory-storage.ts';

const fallbacks = { network: 'network down', unavailable: 'hub busy' };
const answer = (status: number, body: unknown): typeof fetch =>
  (async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;

describe('the kiosk credential', () => {
  it('is kept, read back, and forgotten', () => {
    const storage = new MemoryStorage();
    expect(loadCredential(storage)).toBeNull();
    saveCredential({ deviceId: 'k1', deviceSecret: 's'.repeat(43) }, storage);
    expect(loadCredential(storage)).toEqual({ deviceId: 'k1', deviceSecret: 's'.repeat(43) });
    saveCredential(null, storage);
    expect(loadCredential(storage)).toBeNull();
  });

  it('something else under its key is no credential', () => {
    const storage = new MemoryStorage();
    for (const junk of ['{', '"text"', '{"deviceId":1,"deviceSecret":"x"}', 'null']) {
      storage.setItem(DEVICE_KEY, junk);
      expect(loadCredential(storage), junk).toBeNull();
    }
  });
});

describe('pairing a kiosk', () => {
  it('asks the hub for a kiosk, in the screen language, and returns the credential', async () => {
    let sent: { body: unknown; language: string | null } | null = null;
    const fetcher = (async (_url: string, init: RequestInit) => {
      sent = { body: JSON.parse(String(init.body)), language: new Headers(init.headers).get('accept-language') };
      return new Response(JSON.stringify({ deviceId: 'k1', deviceSecret: 'secret-secret-secret', pairedAt: 1 }), { status: 201 });
    }) as typeof fetch;
    const result = await pairKiosk({ code: '123456', deviceName: 'Lobby' }, 'zh-CN', fallbacks, fetcher);
    expect(result).toEqual({ ok: true, credential: { deviceId: 'k1', deviceSecret: 'secret-secret-secret' } });
    expect(sent).toEqual({ body: { code: '123456', deviceName: 'Lobby', kind: 'kiosk' }, language: 'zh-CN' });
  });

  it("shows the hub's own refusal, or says the hub cannot be reached", async () => {
    const refused = answer(401, { ok: false, error: { code: 'unauthorized', reason: 'bad_pairing_code', message: '配对码错误或已过期' } });
    expect(await pairKiosk({ code: '000000', deviceName: 'x' }, 'zh-CN', fallbacks, refused)).toEqual({ ok: false, message: '配对码错误或已过期' });
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await pairKiosk({ code: '000000', deviceName: 'x' }, 'en', fallbacks, down)).toEqual({ ok: false, message: 'network down' });
    expect(await pairKiosk({ code: '000000', deviceName: 'x' }, 'en', fallbacks, answer(502, 'bad gateway'))).toEqual({ ok: false, message: 'hub busy' });
  });
});
