import type { Hono } from 'hono';

/**
 * Requests to one route file's Hono app in-process (`app.request()`), as a phone's browser sends them: no server, no
 * socket. The Host is the hub's, so that a same-site Origin can be told from a foreign one.
 */
export const HOST = '127.0.0.1:8080';

export type Answer = { status: number; body: string; location: string | null; headers: Headers };

async function answer(res: Response | Promise<Response>): Promise<Answer> {
  const r = await res;
  return { status: r.status, body: await r.text(), location: r.headers.get('location'), headers: r.headers };
}

export const getRoute = (app: Hono, path: string, headers: Record<string, string> = {}) =>
  answer(app.request(path, { headers: { host: HOST, ...headers } }));

/** A url-encoded form post (what the booking pages and the opt-out send). */
export const postRoute = (app: Hono, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  answer(
    app.request(path, {
      method: 'POST',
      headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );

/** A multipart form post with an optional file (the report form and its photo). */
export function postMultipart(app: Hono, path: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type: string }, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set(file.name, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }), 'photo.jpg');
  return answer(app.request(path, { method: 'POST', headers: { host: HOST, ...headers }, body: form }));
}

/** A post whose body is not a form at all. */
export const postJson = (app: Hono, path: string, value: unknown) =>
  answer(app.request(path, { method: 'POST', headers: { host: HOST, 'content-type': 'application/json' }, body: JSON.stringify(value) }));

/** The commandId a form page carries (every form has a fresh one; a retry sends it again). */
export const commandIdIn = (html: string): string => /name="commandId" value="([^"]+)"/.exec(html)![1]!;
