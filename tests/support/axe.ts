import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * WCAG 2 A and AA checks of what a page shows, by axe-core (the accessibility engine browsers' own audits use):
 * contrast, names of controls, labels, landmarks and language. Returns one line per violation and element.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = { violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };

/** `within`: a selector to audit only that part (a screen laid over another, whose own audit is elsewhere). */
export async function wcagViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated through the debugging protocol, not as a <script>: the kiosk's CSP rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    (selector) =>
      (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(selector ? { include: [selector] } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }),
    within ?? null,
  )) as AxeResult;
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — ${JSON.stringify(n.target)}`));
}
