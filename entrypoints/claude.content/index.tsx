import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Banner } from './Banner';
import './style.css';

export default defineContentScript({
  matches: ['https://claude.ai/*'],
  // The banner's CSS goes into its shadow root only: claude.ai's styles and ours never meet.
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'claude-status-banner',
      // Closed: the page's scripts can neither read the banner (which would tell them whether the
      // incident hits the user's models) nor press its buttons. The E2E build (`--mode e2e`)
      // opens it so the tests can look inside; production builds never contain that branch.
      mode: import.meta.env.MODE === 'e2e' ? 'open' : 'closed',
      position: 'inline',
      anchor: 'body',
      // First in the page: a keyboard user meets the banner where it is drawn, at the top.
      append: 'first',
      onMount: (container, _shadow, host) => render(<Banner host={host} />, container),
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
    // claude.ai navigates in-app; if a re-render dropped our host, put it back.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (!ui.shadowHost.isConnected) {
        ui.remove();
        ui.mount();
      }
    });
  },
});
