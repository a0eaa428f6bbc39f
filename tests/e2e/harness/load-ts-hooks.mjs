// The resolve hook registered by load-ts.mjs (module hooks run in their own thread, hence a file).
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (!relative || !context.parentURL?.endsWith('.ts') || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    for (const suffix of ['.ts', '.tsx', '/index.ts']) {
      try {
        return await next(`${specifier}${suffix}`, context);
      } catch {}
    }
    throw error;
  }
}
