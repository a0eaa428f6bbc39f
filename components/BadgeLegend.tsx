import { i18n } from '../lib/i18n';
import { EVIDENCE_CODE } from '../lib/verdict/evidence';

/** What the toolbar badge's codes and colours mean: reachable from the popup's header. */
export function BadgeLegend() {
  const codes: Array<[string, string]> = [
    ['O4.5 · S5 · H4.5', i18n.t('legend.model')],
    ['2M', i18n.t('legend.models')],
    ['ALL', i18n.t('legend.all')],
    ['WEB · API · CODE · CON · CWK · GOV', i18n.t('legend.surface')],
    ['MNT', i18n.t('legend.maintenance')],
    ['! · 2!', i18n.t('legend.incidents')],
    ['?', i18n.t('legend.unknown')],
    [EVIDENCE_CODE, i18n.t('evidence.legendCode')],
  ];
  const colours: Array<[string, string]> = [
    ['operational', i18n.t('legend.colourCalm')],
    ['minor', i18n.t('legend.colourMinor')],
    ['major', i18n.t('legend.colourMajor')],
    ['critical', i18n.t('legend.colourCritical')],
    ['maintenance', i18n.t('legend.colourMaintenance')],
    ['unknown', i18n.t('legend.colourGrey')],
    ['evidence', i18n.t('legend.colourEvidence')],
  ];
  return (
    <details class="legend" id="legend">
      <summary>{i18n.t('legend.title')}</summary>
      <table>
        <tbody>
          {codes.map(([code, meaning]) => (
            <tr key={code}>
              <th scope="row">
                <code>{code}</code>
              </th>
              <td>{meaning}</td>
            </tr>
          ))}
          {colours.map(([tone, meaning]) => (
            <tr key={tone} class={`tone-${tone}`}>
              <th scope="row">
                <span class="dot" aria-hidden="true" />
              </th>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
