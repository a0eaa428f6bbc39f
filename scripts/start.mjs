// `npm start`: build the extension and open a browser with it loaded.
//   npm start                → Chromium (a fresh profile under .output/, so your own profile is untouched)
//   npm start -- --firefox   → Firefox ESR, as a temporary add-on (web-ext run)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BROWSERS, ROOT, ensureBrowsers, ensureDependencies, localEnv, run } from './setup.mjs';

const firefox = process.argv.includes('--firefox');
ensureDependencies();
ensureBrowsers();
run('wxt', firefox ? ['build', '-b', 'firefox'] : ['build']);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(
    `Built .output/${firefox ? 'firefox' : 'chrome'}-mv3. No display here to open a browser in: load that folder by hand (README, "Install").`,
  );
  process.exit(0);
}

let child;
if (firefox) {
  child = spawn('web-ext', ['run', '-s', '.output/firefox-mv3', `--firefox=${BROWSERS.firefox}`], {
    cwd: ROOT,
    stdio: 'inherit',
    env: localEnv(),
  });
} else {
  const profile = path.join(ROOT, '.output/profile-chromium');
  fs.mkdirSync(profile, { recursive: true });
  const ext = path.join(ROOT, '.output/chrome-mv3');
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  child = spawn(
    BROWSERS.chromium,
    [
      `--user-data-dir=${profile}`,
      `--load-extension=${ext}`,
      `--disable-extensions-except=${ext}`,
      '--no-first-run',
      ...sandbox,
      'https://claude.ai/',
    ],
    { stdio: 'inherit' },
  );
}
child.on('exit', (code) => process.exit(code ?? 0));
