// @vitest-environment happy-dom
/**
 * Reading the model picked on claude.ai from its model picker, over markup shaped like claude.ai's
 * as public userscripts, extensions and their tests recorded it in 2025–2026 (a button with
 * data-testid="model-selector-dropdown" whose text is the model, sometimes "Claude …", sometimes
 * followed by the effort level in its own span, or an empty button with aria-label "Model: …"). The
 * rule under test: a model only when exactly one picker says exactly one model name; anything else
 * is null, and the banner behaves as it did without this reading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { modelFromPickerLabel, readModelInUse } from '../../../entrypoints/claude.content/model-picker';
import { modelKey } from '../../../lib/models/ref';

const CHEVRON =
  '<svg width="16" height="16" viewBox="0 0 256 256" aria-hidden="true"><path d="M213.66,101.66l-80,80a8,8,0,0,1-11.32,0l-80-80A8,8,0,0,1,53.66,90.34L128,164.69l74.34-74.35a8,8,0,0,1,11.32,11.32Z"></path></svg>';

/** The composer's bottom row with a picker inside, as claude.ai lays it out. */
const composer = (picker: string) => `
  <fieldset class="flex w-full min-w-0 flex-col">
    <div data-testid="chat-input-grid-container" class="relative grid">
      <div data-testid="chat-input-grid-area"><div contenteditable="true" role="textbox" aria-label="Write your prompt to Claude" class="ProseMirror"><p>Which model is this?</p></div></div>
      <div class="flex gap-2.5 w-full items-center">
        <div class="relative flex-1 flex items-center gap-2 shrink min-w-0">
          <button type="button" aria-label="Add files, connectors, and more" class="inline-flex items-center">+</button>
        </div>
        <div class="overflow-hidden shrink-0 p-1 -m-1">${picker}</div>
        <button type="button" aria-label="Send message" disabled class="inline-flex">↑</button>
      </div>
    </div>
  </fieldset>`;

const button = (inner: string, attrs = '') =>
  `<button type="button" data-testid="model-selector-dropdown" aria-haspopup="menu" aria-expanded="false" data-state="closed" class="inline-flex items-center justify-center relative shrink-0 h-8 rounded-md px-3 min-w-[4rem] gap-[4px]"${attrs}><div class="inline-flex gap-1 text-[14px] h-[14px] leading-none items-baseline"><div class="flex items-center gap-[4px]"><div class="whitespace-nowrap select-none">${inner}</div></div></div>${CHEVRON}</button>`;

function page(html: string): ReturnType<typeof readModelInUse> {
  document.body.innerHTML = html;
  return readModelInUse(document);
}
const keyOf = (html: string) => {
  const m = page(html);
  return m && modelKey(m);
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the model in use on claude.ai', () => {
  it('today\'s picker: the model, then the effort level in its own span ("Opus 4.8 Max")', () => {
    expect(keyOf(composer(button('Opus 4.8<span class="ml-1 text-text-500"> Max</span>')))).toBe('opus-4.8');
  });

  it('every label shape seen: bare, with "Claude", with an effort word, Fast', () => {
    const cases: Array<[string, string]> = [
      ['Sonnet 5', 'sonnet-5'],
      ['Haiku 4.5', 'haiku-4.5'],
      ['Fable 5.1', 'fable-5.1'],
      ['Mythos 5.1', 'mythos-5.1'],
      ['Claude Opus 5', 'opus-5'],
      ['Claude Sonnet 4.5', 'sonnet-4.5'],
      ['Opus 5<span class="ml-1"> Low</span>', 'opus-5'],
      ['Sonnet 4.6<span> Extended</span>', 'sonnet-4.6'],
      ['Opus 4.6 Fast', 'opus-4.6-fast'],
      ['Opus 4.0', 'opus-4'],
    ];
    for (const [inner, key] of cases) expect(keyOf(composer(button(inner))), inner).toBe(key);
  });

  it('an empty button labelled for screen readers ("Model: Opus 5 Low")', () => {
    expect(keyOf(composer(button('', ' aria-label="Model: Opus 5 Low"')))).toBe('opus-5');
  });

  it("the open menu lists every model: only the picker's own label counts", () => {
    const menu = `<div role="menu" data-state="open">
      <div role="menuitemradio" aria-checked="false"><div>Haiku 4.5</div><div class="desc">Fastest for daily tasks</div></div>
      <div role="menuitemradio" aria-checked="false"><div>Sonnet 5</div></div>
      <div role="menuitemradio" aria-checked="true"><div>Opus 4.8</div></div>
    </div>`;
    expect(keyOf(menu + composer(button('Opus 4.8<span> High</span>')))).toBe('opus-4.8');
  });

  it('invisible marks and odd spacing around the name do not matter', () => {
    expect(keyOf(composer(button('\u200e  Haiku\u00a0 4.5 \u200b')))).toBe('haiku-4.5');
  });
});

describe('degrades to no reading (the banner as without it), never to a guess', () => {
  it('no picker (settings, a project page, or a redesign without the test id)', () => {
    expect(page('<main><h1>Projects</h1></main>')).toBeNull();
    expect(page(composer(button('Opus 4.8').replace('model-selector-dropdown', 'model-switcher')))).toBeNull();
    expect(page(composer('<div role="combobox" aria-label="Model">Opus 4.8</div>'))).toBeNull();
  });

  it('two pickers (say, a second composer in an open artifact): which one is in use is not certain', () => {
    expect(page(composer(button('Opus 4.8')) + composer(button('Opus 4.8')))).toBeNull();
    expect(page(composer(button('Opus 4.8')) + composer(button('Haiku 4.5')))).toBeNull();
  });

  it('text that is not exactly one model name', () => {
    for (const inner of [
      'Sonnet', // a family: which Sonnet?
      'Opus', // ditto
      'Claude 3.5 Sonnet', // an older word order this reader does not claim to know
      'Claude', // no model at all
      'Opus 4.8<span> Niedrig</span>', // another language's effort word
      'Opus 4.8 Max Extra', // two extras
      'Opus 4.8 and Sonnet 5',
      'GPT-5',
      'Gemini 2.5 Pro',
      'Choose a model',
      'Loading…',
      'Opus 4.8.1.2',
      'Opus 123',
      `Opus 4.8 ${'x'.repeat(60)}`,
      'Opus 4.8<script>alert(1)</script>',
    ]) {
      expect(page(composer(button(inner))), inner).toBeNull();
    }
  });

  it('an icon that names itself inside the button makes the text not a name', () => {
    expect(page(composer(button('Opus 4.8').replace('aria-hidden="true">', 'aria-hidden="true"><title>Open menu</title>')))).toBeNull();
  });

  it('empty picker with no label, or a label that is not a model', () => {
    expect(page(composer(button('')))).toBeNull();
    expect(page(composer(button('', ' aria-label="Model selector"')))).toBeNull();
    expect(page(composer(button('', ' aria-label="Select a model"')))).toBeNull();
  });

  it('the label reader on its own: nothing that is not a string, and known families only', () => {
    expect(modelFromPickerLabel(undefined)).toBeNull();
    expect(modelFromPickerLabel(null)).toBeNull();
    expect(modelFromPickerLabel('')).toBeNull();
    expect(modelFromPickerLabel('Poem 5')).toBeNull();
    expect(modelFromPickerLabel('opus 5')).toEqual({ family: 'Opus', version: '5', qualifier: null });
  });
});
