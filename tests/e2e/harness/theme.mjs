// The popup's and the pages' colours, read from components/theme.css itself (they are defined only
// there, as custom properties), so a scenario that checks a rendered colour never copies one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const THEME_CSS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../components/theme.css');
const DARK_MEDIA = '@media (prefers-color-scheme: dark)';

/** The custom properties declared in the first `:root { … }` of `css`. */
function rootProperties(css) {
  const block = /:root\s*\{([^}]*)\}/.exec(css)?.[1];
  if (block === undefined) throw new Error(`no :root block in ${THEME_CSS}`);
  return Object.fromEntries([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

function themes() {
  const css = fs.readFileSync(THEME_CSS, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const at = css.indexOf(DARK_MEDIA);
  if (at < 0) throw new Error(`no "${DARK_MEDIA}" in ${THEME_CSS}`);
  const light = rootProperties(css.slice(0, at));
  // The dark theme overrides some of the light one's properties; the rest carry over.
  return { light, dark: { ...light, ...rootProperties(css.slice(at)) } };
}

/** `#rrggbb` (or `#rgb`) as getComputedStyle reports it: `rgb(r, g, b)`. */
export function cssRgb(hex) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const digits = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * A colour of theme.css in one scheme, as the browser computes it (`rgb(r, g, b)`).
 * @param {string} property e.g. '--bg'
 * @param {'light' | 'dark'} scheme
 */
export function themeColor(property, scheme) {
  const value = themes()[scheme][property];
  if (value === undefined) throw new Error(`${property} is not defined in ${THEME_CSS}`);
  return cssRgb(value);
}
