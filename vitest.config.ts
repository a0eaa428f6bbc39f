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
  },
});
