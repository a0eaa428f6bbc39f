// A minimal stand-in for the claude.ai app shell, served by the fake server for every claude.ai path.
// Hooks for tests: #topbar, #main, #composer (contenteditable, fixed bottom), #send,
// #nav-chat (in-app navigation with history.pushState, no reload), ?theme=dark, window.__setTheme().

/**
 * @param {URL} url request URL; `?theme=dark` renders the dark theme
 * @returns {string} HTML document
 */
export function claudePageHtml(url) {
  const dark = url.searchParams.get('theme') === 'dark';
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
  #topbar { position: sticky; top: 0; height: 48px; display: flex; align-items: center; gap: 16px;
    padding: 0 16px; background: var(--panel); border-bottom: 1px solid var(--line); z-index: 10; }
  #topbar a { color: inherit; }
  #main { max-width: 760px; margin: 0 auto; padding: 24px 16px 160px; }
  #composer-bar { position: fixed; left: 0; right: 0; bottom: 0; padding: 12px 16px 20px;
    background: linear-gradient(transparent, var(--bg) 30%); }
  #composer-box { max-width: 760px; margin: 0 auto; display: flex; gap: 8px; align-items: flex-end;
    background: var(--panel); border: 1px solid var(--line); border-radius: 16px; padding: 10px; }
  #composer { flex: 1; min-height: 24px; outline: none; }
  #composer:empty::before { content: "How can I help you today?"; opacity: .5; }
  #send { border: 0; border-radius: 8px; padding: 6px 12px; background: #c96442; color: #fff; }
</style>
</head>
<body>
  <header id="topbar"><strong>Claude</strong><a id="nav-new" href="/new">New chat</a>
    <a id="nav-chat" href="/chat/abc">Recent chat</a></header>
  <main id="main"><h1 id="title">Good afternoon</h1><div id="messages"></div></main>
  <div id="composer-bar"><div id="composer-box">
    <div id="composer" contenteditable="true" role="textbox" aria-label="Write your prompt"></div>
    <button id="send" type="button" aria-label="Send message">Send</button>
  </div></div>
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
  document.getElementById('send').addEventListener('click', () => {
    const c = document.getElementById('composer');
    const p = document.createElement('p');
    p.className = 'message';
    p.textContent = c.textContent;
    document.getElementById('messages').append(p);
    c.textContent = '';
  });
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
