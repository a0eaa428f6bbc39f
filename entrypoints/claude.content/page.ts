/**
 * What the banner reads from claude.ai's page: its theme, the height of its top bar, and its
 * keyboard order. Only layout and attributes, never text or content. (The one label it reads, the
 * model picker's, is read by model-picker.ts, under its own rules.)
 */
import { useEffect, useState } from 'preact/hooks';

/** claude.ai's theme: it sets a `dark` class / data-theme on <html>; else the system preference. */
export function usePageTheme(): 'light' | 'dark' {
  const read = (): 'light' | 'dark' => {
    const html = document.documentElement;
    if (html.classList.contains('dark') || html.dataset.theme === 'dark' || html.dataset.mode === 'dark') return 'dark';
    if (html.dataset.theme === 'light' || html.dataset.mode === 'light') return 'light';
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  };
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'data-mode'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

/** A top bar is at most this share of the viewport's height; anything taller is page content. */
const MAX_BAR_SHARE = 0.3;

/**
 * The bottom edge of the page's own top bar: the fixed or sticky elements under the top row of
 * pixels, across the width. The banner goes just below it, so it never covers the page's controls.
 */
export function topBarBottom(host: Element): number {
  const limit = innerHeight * MAX_BAR_SHARE;
  let bottom = 0;
  for (const x of [8, innerWidth / 4, innerWidth / 2, (3 * innerWidth) / 4, innerWidth - 8]) {
    for (const el of document.elementsFromPoint(x, 1)) {
      if (el === host || host.contains(el)) continue;
      for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
        const position = getComputedStyle(node).position;
        if (position !== 'fixed' && position !== 'sticky') continue;
        const rect = node.getBoundingClientRect();
        if (rect.top <= 2 && rect.bottom <= limit) bottom = Math.max(bottom, rect.bottom);
        break;
      }
    }
  }
  return Math.ceil(bottom);
}

/** {@link topBarBottom}, kept current as the page lays out, resizes and scrolls. */
export function useTopOffset(host: Element): number {
  const [top, setTop] = useState(() => topBarBottom(host));
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTop(topBarBottom(host)));
    };
    const resize = new ResizeObserver(measure);
    resize.observe(document.documentElement);
    addEventListener('scroll', measure, { passive: true });
    // claude.ai renders its shell after load and changes it as you navigate.
    const mutations = new MutationObserver(measure);
    mutations.observe(document.body, { childList: true, subtree: false });
    const slow = setInterval(measure, 2_000);
    measure();
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      mutations.disconnect();
      clearInterval(slow);
      removeEventListener('scroll', measure);
    };
  }, [host]);
  return top;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The page's first visible control after the banner's host in document order. */
export function nextFocusableAfter(host: Element): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (host.contains(el) || !(host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (el.getClientRects().length > 0) return el;
  }
  return null;
}
