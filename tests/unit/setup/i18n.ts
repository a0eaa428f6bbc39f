/**
 * WXT's fake browser has no `i18n`: give it the real messages from locales/<lang>.yml with Chrome's
 * substitution rules, so unit tests see the words a user sees. English unless a test calls
 * `useLocale('de')` (and `useLocale('en')` after).
 */
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../locales');
type ChromeMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(locale: string): ChromeMessages {
  const text = fs.readFileSync(path.join(LOCALES, `${locale}.yml`), 'utf8');
  return generateChromeMessages(parseMessagesText(text, 'YAML')) as ChromeMessages;
}

/** `chrome.i18n.getMessage`: $1…$9 from the substitutions, `$$` is a dollar sign, unknown key → ''. */
export function chromeGetMessage(messages: ChromeMessages, key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {}))
    text = text.replaceAll(new RegExp(`\\$${name}\\$`, 'gi'), content);
  return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

let current = loadMessages('en');
let uiLanguage = 'en';

export function useLocale(locale: string): void {
  current = loadMessages(locale);
  uiLanguage = locale.replace('_', '-');
}

Object.assign(fakeBrowser.i18n, {
  getMessage: (key: string, substitutions?: string | string[]) => chromeGetMessage(current, key, substitutions),
  getUILanguage: () => uiLanguage,
});
