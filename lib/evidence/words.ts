/**
 * The only English the evidence core produces: the two notifications' text, in one function so it
 * moves to the locale file in one step when the UI goes through @wxt-dev/i18n.
 */
import type { EvidenceNote } from './notify';

export function evidenceNoteText(note: EvidenceNote): { title: string; message: string } {
  const { failed, total, spanMinutes, mostly } = note.counts;
  if (note.kind === 'recovered') {
    return { title: 'Claude is working for you again', message: 'Your recent requests to claude.ai succeed.' };
  }
  const cause = mostly === 529 ? ', mostly 529 overloaded' : mostly !== null ? `, mostly ${mostly}` : '';
  return {
    title: "Claude is failing for you; the status page doesn't say so yet",
    message: `${failed} of ${total} requests failed in the last ${spanMinutes} min${cause}.`,
  };
}
