import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not load the Vite plugins from wxt.config.ts; Preact's JSX needs its own.
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Real messages from locales/ behind the fake browser's i18n (it has none).
    setupFiles: ['tests/unit/setup/i18n.ts'],
    restoreMocks: true,
    // Fast on a 2-core machine (~15 s instead of ~33 s): two workers (Vitest's default is cores − 1,
    // one here, with the main process idle), and test files share a worker's module graph instead of
    // re-importing lib/, zod and the fake browser per file. Safe because every test resets the fake
    // browser and its mocks, and lib/ keeps no module-level state but caches keyed by their inputs
    // (state lives in the instances createBackground and friends return); shuffled file orders
    // (--sequence.shuffle.files) pass too.
    maxWorkers: 2,
    isolate: false,
  },
});
