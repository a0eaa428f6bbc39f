/**
 * Every user-facing string goes through here (WXT's @wxt-dev/i18n over `browser.i18n`): the
 * messages are in locales/<lang>.yml, English is the fallback, and the browser's UI language picks
 * the file. Text from the status page is never translated: it stays as the page wrote it.
 */
import { i18n } from '#i18n';

export { i18n };

/**
 * The locale for dates, times and numbers (`Intl`): the browser's own language when the messages
 * are in that language (so en-GB keeps its day/month order), else the language of the messages in
 * use, so a sentence and the dates inside it never mix two languages.
 */
export function formatLocale(): string {
  const messages = i18n.t('locale') || 'en';
  const browserLocale = typeof navigator === 'object' && navigator.language ? navigator.language : messages;
  return baseLanguage(browserLocale) === baseLanguage(messages) ? browserLocale : messages;
}

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? tag;
}
