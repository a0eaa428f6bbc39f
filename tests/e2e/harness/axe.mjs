// axe-core inside a page under test. The source is evaluated through the debugging protocol
// (Playwright's CDP, Puppeteer's BiDi), which extension pages' CSP does not govern, so no <script>
// tag is needed. Results are reduced to what a test can assert and print.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Run axe (WCAG 2.0/2.1/2.2 A and AA rules) on `page`, optionally on one element (and its open
 * shadow root) only.
 * @param {any} page a Playwright or Puppeteer page
 * @param {{ include?: string }} [opts] CSS selector of the element to check (default: the document)
 * @returns {Promise<Array<{ id: string, impact: string, help: string, nodes: string[] }>>}
 */
export async function runAxe(page, { include } = {}) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const context = selector ? { include: [[selector]] } : document;
    const result = await globalThis.axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' > ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`).slice(0, 5),
    }));
  }, include ?? null);
}

/** Serious and critical violations: what a test must not accept. */
export const blocking = (violations) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/**
 * Firefox prefs that set every page's prefers-color-scheme at launch: Puppeteer over WebDriver BiDi
 * cannot emulate media features, so a Firefox test runs one browser per scheme.
 */
export const firefoxScheme = (scheme) => ({ 'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1 });

/**
 * Makes the page render in `scheme`: Playwright emulates the media feature; in Firefox the browser
 * was launched with {@link firefoxScheme}, and this checks that the page really is in that scheme.
 */
export async function emulateScheme(page, scheme) {
  if (typeof page.emulateMedia === 'function') return page.emulateMedia({ colorScheme: scheme });
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark !== (scheme === 'dark'))
    throw new Error(`the page is not in the ${scheme} scheme (launch Firefox with firefoxScheme('${scheme}'))`);
}
