import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';

// The kiosk has one page (another path is the phone pages' 404); the staff tablet has deep links.
const PAGES = ['/', '/staff/', '/staff/board/anything'];

/** script-src of a policy, as a list of sources. */
const scriptSrc = (policy: string): string[] =>
  (policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === 'script-src') ?? []).slice(1);

const inlineScripts = (html: string): string[] =>
  [...html.matchAll(/<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map(([, body]) => body ?? '');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The apps run under a CSP without 'unsafe-inline' scripts: SvelteKit's bootstrap script is allowed by its hash
 * (kit.csp, mode 'hash', in both svelte.config.js) and the hub serves exactly those hashes (static.routes.ts).
 */
describe('Content-Security-Policy of the served apps', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('every inline script of the served HTML is allowed by hash, and nothing else inline is', async () => {
    for (const path of PAGES) {
      const res = await fetch(t.url + path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const header = res.headers.get('content-security-policy') ?? '';
      const sources = scriptSrc(header);
      expect(sources, `${path}: ${header}`).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      const scripts = inlineScripts(html);
      expect(scripts.length, `${path} has SvelteKit's bootstrap script`).toBeGreaterThan(0);
      for (const script of scripts) expect(sources, `${path}: inline script not allowed by the header`).toContain(sha256(script));
      // Only 'self' and those hashes.
      expect(sources.filter((s) => s !== "'self'" && !scripts.map(sha256).includes(s)), path).toEqual([]);
      // SvelteKit's own meta policy (kit.csp) names the same hashes: both policies apply in the browser.
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
      expect(meta, `${path}: kit.csp meta tag`).toBeDefined();
      for (const script of scripts) expect(scriptSrc(meta!), path).toContain(sha256(script));
    }
    // Other routes keep the strict default: no inline script at all.
    const api = await fetch(`${t.url}/api/health`);
    expect(scriptSrc(api.headers.get('content-security-policy') ?? '')).toEqual(["'self'"]);
  });

  it('the kiosk and the staff tablet start in Chromium under that policy, with no CSP violation', async () => {
    const browser = await launchBrowser();
    try {
      for (const [path, name, ready] of [
        ['/', 'csp-kiosk', 'main, [role=main], button'],
        ['/staff/', 'csp-staff-tablet', 'main, [role=main], button, input'],
      ] as const) {
        const page = await newPage(browser, TABLET);
        const violations: string[] = [];
        page.on('console', (m) => {
          if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
        });
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to run: CSP ${e.violatedDirective} ${e.blockedURI}`));
        });
        await page.goto(t.url + path);
        await page.locator(ready).first().waitFor({ timeout: 15_000 });
        await shoot(page, name);
        // zod 4 probes once whether it may compile validators with `new Function` and falls back when the CSP says
        // no (its try/catch): that refusal is the policy working, not the app breaking (the app has started above).
        const probes = violations.filter((v) => v.includes('script-src eval'));
        if (probes.length) console.log(`${path}: ${probes.length} eval probe(s) refused by the CSP (zod's feature test)`);
        expect(violations.filter((v) => !probes.includes(v)), path).toEqual([]);
        await page.context().close();
      }
    } finally {
      await browser.close();
    }
  });
});
