// A minimal stand-in for the claude.ai app shell, served by the fake server for every claude.ai path.
// Hooks for tests: #topbar (sticky, with the header controls #menu-button, #nav-new, #nav-chat,
// #share-button; each click is counted in window.__clicks[id]), #main, #composer (contenteditable,
// fixed bottom), #send, #nav-chat (in-app navigation with history.pushState, no reload),
// ?theme=dark, window.__setTheme().
// Model picker (absent unless asked for, so other scenarios see the page as before): ?model=Opus%204.8
// puts one in the composer, shaped like claude.ai's (a button with data-testid="model-selector-dropdown",
// the model, then the effort level in its own span when ?effort= is given); &pickers=2 renders two
// composers with a picker each; &picker=renamed gives the button another test id (a claude.ai
// redesign); window.__setModel(text) changes the label in place, as picking another model does.

/**
 * @param {URL} url request URL; `?theme=dark` renders the dark theme
 * @returns {string} HTML document
 */
export function claudePageHtml(url) {
  const dark = url.searchParams.get('theme') === 'dark';
  const model = url.searchParams.get('model');
  const effort = url.searchParams.get('effort');
  const testId = url.searchParams.get('picker') === 'renamed' ? 'model-switcher' : 'model-selector-dropdown';
  const escapeHtml = (t) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const picker =
    model === null
      ? ''
      : `<button type="button" class="model-picker" data-testid="${testId}" aria-haspopup="menu"><span class="model-name">${escapeHtml(model)}</span>${
          effort ? `<span class="effort"> ${escapeHtml(effort)}</span>` : ''
        }<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><path d="M3 5l3 3 3-3" fill="none" stroke="currentColor"/></svg></button>`;
  const composer = (id) => `<div id="${id}" class="composer-box">
    <div id="composer" contenteditable="true" role="textbox" aria-label="Write your prompt"></div>
    ${picker}<button id="send" type="button" aria-label="Send message">Send</button>
  </div>`;
  const composers =
    url.searchParams.get('pickers') === '2' ? composer('composer-box') + composer('composer-box-2') : composer('composer-box');
  const htmlAttrs = dark ? ' class="dark" data-theme="dark"' : ' data-theme="light"';
  return `<!doctype html>
<html lang="en"${htmlAttrs}>
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Claude</title>
<style>
  :root { --bg: #faf9f5; --fg: #141413; --panel: #ffffff; --line: #e5e3da; }
  html.dark { --bg: #262624; --fg: #f5f4ef; --panel: #30302e; --line: #4a4a47; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
  #topbar { position: sticky; top: 0; min-height: 48px; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px;
    padding: 6px 16px; box-sizing: border-box; background: var(--panel); border-bottom: 1px solid var(--line); z-index: 10; }
  #topbar a, #topbar button { color: inherit; font: inherit; }
  #topbar button { background: none; border: 1px solid var(--line); border-radius: 8px; padding: 4px 10px; cursor: pointer; }
  #topbar .spacer { flex: 1; }
  #main { max-width: 760px; margin: 0 auto; padding: 24px 16px 160px; }
  #composer-bar { position: fixed; left: 0; right: 0; bottom: 0; padding: 12px 16px 20px;
    background: linear-gradient(transparent, var(--bg) 30%); }
  .composer-box { max-width: 760px; margin: 0 auto; display: flex; gap: 8px; align-items: flex-end;
    background: var(--panel); border: 1px solid var(--line); border-radius: 16px; padding: 10px; }
  .model-picker { border: 0; background: none; color: inherit; font: inherit; font-size: 14px; display: inline-flex; gap: 4px; align-items: center; }
  .model-picker .effort { opacity: .6; }
  #composer { flex: 1; min-height: 24px; outline: none; }
  #composer:empty::before { content: "How can I help you today?"; opacity: .5; }
  #send { border: 0; border-radius: 8px; padding: 6px 12px; background: #c96442; color: #fff; }
</style>
</head>
<body>
  <header id="topbar"><button id="menu-button" type="button" aria-label="Menu">☰</button><strong>Claude</strong>
    <a id="nav-new" href="/new">New chat</a><a id="nav-chat" href="/chat/abc">Recent chat</a>
    <span class="spacer"></span><button id="share-button" type="button">Share</button></header>
  <main id="main"><h1 id="title">Good afternoon</h1><div id="messages"></div></main>
  <div id="composer-bar">${composers}</div>
<script>
  const render = () => {
    document.getElementById('title').textContent =
      location.pathname.startsWith('/chat/') ? 'Chat ' + location.pathname.slice(6) : 'Good afternoon';
  };
  document.getElementById('nav-chat').addEventListener('click', (e) => {
    e.preventDefault();
    history.pushState({}, '', '/chat/abc' + location.search);
    render();
  });
  addEventListener('popstate', render);
  window.__clicks = {};
  for (const id of ['menu-button', 'nav-new', 'nav-chat', 'share-button']) {
    document.getElementById(id).addEventListener('click', (e) => {
      window.__clicks[id] = (window.__clicks[id] ?? 0) + 1;
      if (id === 'nav-new') e.preventDefault(); // a real app navigates in-app; here the click is what counts
    });
  }
  document.getElementById('send').addEventListener('click', () => {
    const c = document.getElementById('composer');
    const p = document.createElement('p');
    p.className = 'message';
    p.textContent = c.textContent;
    document.getElementById('messages').append(p);
    c.textContent = '';
  });
  window.__setModel = (text) => {
    for (const name of document.querySelectorAll('.model-picker .model-name')) name.textContent = text;
  };
  window.__setTheme = (t) => {
    document.documentElement.classList.toggle('dark', t === 'dark');
    document.documentElement.dataset.theme = t;
  };
  render();
</script>
</body>
</html>
`;
}
