import { i18n } from '../lib/i18n';

/** The page's language, direction and title from the messages in use (the HTML files say English). */
export function localisePage(title: string): void {
  document.documentElement.lang = i18n.t('locale');
  document.documentElement.dir = i18n.t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  document.title = title;
}
