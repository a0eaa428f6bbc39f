import { i18n } from '../lib/i18n';
import type { Instead } from '../lib/alternatives/instead';
import { insteadSentences } from '../lib/alternatives/words';
import { providerName } from '../lib/providers/catalog';

/**
 * "What you can use instead", at the top of the popup's body, only while something the user cares
 * about is affected: the working models best first (or that switching may not help), the surface
 * that still works, and the other providers that are operational.
 */
export function InsteadBlock({ instead }: { instead: Instead }) {
  const lines = insteadSentences(instead, providerName);
  if (!lines.length) return null;
  return (
    <section class="instead" aria-labelledby="instead-h">
      <h2 id="instead-h">{i18n.t('alternatives.title')}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
