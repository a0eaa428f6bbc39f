// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNow } from '../../../components/use-stored';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('useNow', () => {
  it('reads the clock at every drawing, not only at its tick: data stored a moment ago is never "from the future"', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(Date.parse('2026-11-25T10:00:00Z'));
    const seen: number[] = [];
    let redraw: () => void = () => undefined;
    function Probe({ n }: { n: number }) {
      seen.push(useNow(15_000));
      return <span>{n}</span>;
    }
    const root = document.createElement('div');
    redraw = () => render(<Probe n={seen.length} />, root);
    act(redraw);
    // A poll lands 10 s later (before the 15 s tick) and its storage change draws the page again.
    vi.setSystemTime(Date.parse('2026-11-25T10:00:10Z'));
    act(redraw);
    expect(seen.at(-1)).toBe(Date.parse('2026-11-25T10:00:10Z'));
    // And the tick alone draws it again, with the time of that drawing.
    act(() => void vi.advanceTimersByTime(15_000));
    expect(seen.at(-1)).toBe(Date.parse('2026-11-25T10:00:25Z'));
  });
});
