/**
 * Every language has every message, with the same placeholders, valid plural forms and nothing
 * left empty; and every English message is used by the code (none forgotten after a change).
 */
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromeGetMessage, loadMessages } from '../setup/i18n';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LOCALES = path.join(ROOT, 'locales');
/** The languages the extension ships (docs/i18n.md). */
const REQUIRED = ['en', 'de', 'fr', 'es', 'ja', 'pt_BR', 'ko'];
/** Languages whose plural forms treat 0 like 1, or have none. */
const NO_PLURALS = new Set(['ja', 'ko']);

type Messages = Record<string, { message: string }>;
const raw = (locale: string) => parseMessagesText(fs.readFileSync(path.join(LOCALES, `${locale}.yml`), 'utf8'), 'YAML');
const named = (message: string) => [...new Set([...message.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))].sort();
const english = loadMessages('en') as Messages;
const pluralKeys = new Set(
  raw('en')
    .filter((m) => m.type === 'plural')
    .map((m) => m.key.join('_')),
);

describe('languages', () => {
  it('ships English and the six translations, and nothing unfinished', () => {
    const files = fs.readdirSync(LOCALES).filter((f) => f.endsWith('.yml'));
    expect(files.map((f) => f.replace('.yml', '')).sort()).toEqual([...REQUIRED].sort());
  });

  // The stores cut a longer manifest description (Chrome refuses the package above 132 characters).
  it.each(REQUIRED)('%s: the store description fits in 132 characters, the name in 45', (locale) => {
    const messages = loadMessages(locale) as Messages;
    expect(messages.extDescription!.message.length).toBeLessThanOrEqual(132);
    expect(messages.extName!.message.length).toBeLessThanOrEqual(45);
  });

  describe.each(REQUIRED.filter((l) => l !== 'en'))('%s', (locale) => {
    const messages = loadMessages(locale) as Messages;

    it('has exactly the English keys', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });

    it('names its own language, for dates and numbers', () => {
      expect(messages.locale?.message.replace('-', '_')).toBe(locale);
    });

    it.each(Object.keys(english))('%s: same placeholders, no empty text', (key) => {
      const ours = messages[key]?.message ?? '';
      const theirs = english[key]!.message;
      expect(ours.trim(), 'empty').not.toBe('');
      expect(named(ours)).toEqual(named(theirs));
      expect(/\$1/.test(ours)).toBe(/\$1/.test(theirs));
      if (pluralKeys.has(key)) {
        const forms = ours.split(' | ');
        expect(forms.length, 'plural forms').toBeGreaterThanOrEqual(NO_PLURALS.has(locale) ? 1 : 2);
        expect(forms.length, 'plural forms').toBeLessThanOrEqual(3);
        for (const form of forms) expect(form.trim()).not.toBe('');
      }
    });

    it('reads like the English where a message is filled in (substitutions land)', () => {
      const filled = chromeGetMessage(messages, 'popup_newUpdates', ['3']);
      expect(filled).toContain('3');
    });
  });
});

describe('English messages', () => {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.join(dir, e.name);
      return e.isDirectory() ? walk(rel) : /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
    });
  const code = ['lib', 'components', 'entrypoints']
    .flatMap(walk)
    .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'))
    .concat(fs.readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8'))
    .join('\n');
  const dotted = (chromeKey: string) =>
    raw('en')
      .find((m) => m.key.join('_') === chromeKey)
      ?.key.join('.') ?? chromeKey;

  it.each(Object.keys(english))('%s is used by the code', (key) => {
    const name = dotted(key);
    // A key used through a template (`history.impact.${impact}`) counts when its prefix is.
    const prefix = name.slice(0, name.lastIndexOf('.') + 1);
    const used = [`'${name}'`, `\`${name}\``, `__MSG_${key}__`, ...(prefix ? [`\`${prefix}\${`] : [])].some((form) => code.includes(form));
    expect(used, name).toBe(true);
  });

  it('every plural in English has a form for one and for many', () => {
    for (const m of raw('en').filter((x) => x.type === 'plural')) {
      const forms = Object.keys((m as { plurals: Record<string, string> }).plurals);
      expect(forms, m.key.join('.')).toContain('n');
    }
  });

  it('the fake browser gives Chrome’s semantics: unknown key → empty, $1 filled', () => {
    expect(chromeGetMessage(english, 'nope')).toBe('');
    expect(generateChromeMessages(raw('en'))).toHaveProperty('extName');
  });
});
