import { describe, expect, it } from 'vitest';
import { keyTarget } from '../../../components/DayBar';

describe('moving along a 90-day bar by keyboard', () => {
  it('the arrows move one day, stopping at either end; Home and End jump there', () => {
    expect(keyTarget('ArrowLeft', 89, 89, false)).toBe(88);
    expect(keyTarget('ArrowRight', 88, 89, false)).toBe(89);
    expect(keyTarget('ArrowRight', 89, 89, false)).toBe(89);
    expect(keyTarget('ArrowLeft', 0, 89, false)).toBe(0);
    expect(keyTarget('Home', 40, 89, false)).toBe(0);
    expect(keyTarget('End', 40, 89, false)).toBe(89);
  });

  it('right to left, the bar is drawn the other way round: the arrows follow what is seen', () => {
    expect(keyTarget('ArrowLeft', 40, 89, true)).toBe(41);
    expect(keyTarget('ArrowRight', 40, 89, true)).toBe(39);
  });

  it('any other key (Tab, Enter, letters) is left to the browser', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', 'ArrowUp', 'PageDown']) expect(keyTarget(key, 40, 89, false)).toBeNull();
  });
});
