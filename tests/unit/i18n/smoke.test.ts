import { describe, expect, it } from 'vitest';
import { formatLocale, i18n } from '../../../lib/i18n';
describe('i18n in unit tests', () => {
  it('reads the English messages', () => {
    expect(i18n.t('extName')).toBe('Claude Status');
    expect(formatLocale()).toMatch(/^en/);
  });
});
