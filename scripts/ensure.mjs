// Installs what the project needs (npm packages; Debian's browsers when root), for scripts that
// import npm packages at load time (`npm run bench`).
import { ensureBrowsers, ensureDependencies } from './setup.mjs';

ensureDependencies();
ensureBrowsers();
