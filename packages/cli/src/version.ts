declare const __ANNEAL_CLI_VERSION__: string | undefined;

/** The version of `@anneal/cli` (set at build time from package.json). */
export const VERSION: string = typeof __ANNEAL_CLI_VERSION__ === 'string' ? __ANNEAL_CLI_VERSION__ : '0.0.0-dev';
