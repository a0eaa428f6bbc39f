// Lets E2E scenarios and the bench import the extension's own pure TypeScript (lib/history/…) in
// Node, to compute what a page should show from the same data: Node 22 strips the types, and this
// resolve hook adds the `.ts` that the sources' extensionless relative imports leave out (Vite's
// convention). Nothing else changes: bare packages resolve from node_modules as usual.
import { register } from 'node:module';

register('./load-ts-hooks.mjs', import.meta.url);
