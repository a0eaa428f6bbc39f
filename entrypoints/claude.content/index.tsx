import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Banner } from './Banner';
import './style.css';

export default defineContentScript({
  matches: ['https://claude.ai/*'],
  // The banner's CSS goes into its shadow root only: claude.ai's styles and ours never meet.
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'claude-status-banner',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => render(<Banner />, container),
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
