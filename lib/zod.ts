import * as z from 'zod/mini';

// zod/mini: the same validation, tree-shakable (the full API tripled the background's size).
// Zod 4 probes `new Function("")` to decide whether to JIT-compile schemas. Extension pages and the
// service worker forbid eval, so the probe shows up as a CSP violation. Import zod only from here.
z.config({ jitless: true });

export { z };
