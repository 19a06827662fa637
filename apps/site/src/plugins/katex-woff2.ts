/**
 * Keeps KaTeX's fonts out of the stylesheet and to one format.
 *
 * `katex.min.css` names every font three times (woff2, woff, ttf), and the bundler inlined the small
 * ones as base64 `data:` URLs, in every format, into the one CSS file every page loads. This plugin
 * (1) drops every `src` entry of KaTeX's `@font-face` rules except the woff2 one (every browser the
 * site supports reads woff2), so woff and ttf are never referenced nor emitted, and (2) emits fonts
 * as files instead of inlining them, so a page downloads only the faces its formulas use.
 */
import type { Plugin } from '@docusaurus/types';

/** The few PostCSS node shapes used here (postcss itself is the bundler's dependency, not the site's). */
interface Decl {
  value: string;
}
interface AtRule {
  walkDecls(prop: string, fn: (decl: Decl) => void): void;
}
interface PostCssPlugin {
  postcssPlugin: string;
  AtRule: Record<string, (rule: AtRule) => void>;
}

/** Splits a `src` value at its top-level commas. */
function splitSources(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(value.slice(start).trim());
  return out.filter((s) => s !== '');
}

/** The PostCSS plugin: KaTeX `@font-face` rules keep their woff2 source only. */
export function katexWoff2Only(): PostCssPlugin {
  return {
    postcssPlugin: 'anneal-katex-woff2-only',
    AtRule: {
      'font-face': (rule: AtRule) => {
        let family = '';
        rule.walkDecls('font-family', (d) => {
          family = d.value.replace(/["']/g, '');
        });
        if (!family.startsWith('KaTeX_')) return;
        rule.walkDecls('src', (d) => {
          const woff2 = splitSources(d.value).filter((s) => /format\(\s*["']?woff2["']?\s*\)/.test(s));
          if (woff2.length > 0) d.value = woff2.join(',');
        });
      },
    },
  };
}

interface UrlLoaderUse {
  loader?: string;
  options?: Record<string, unknown>;
}

export default function katexWoff2Plugin(): Plugin {
  return {
    name: 'anneal-katex-woff2',
    configurePostCss(options) {
      options.plugins.push(katexWoff2Only());
      return options;
    },
    configureWebpack(config) {
      // The font rule (Docusaurus: url-loader, inlining files under 10 kB): never inline a font.
      for (const rule of config.module?.rules ?? []) {
        if (!rule || typeof rule !== 'object' || !(rule.test instanceof RegExp) || !rule.test.test('x.woff2')) continue;
        for (const use of (Array.isArray(rule.use) ? rule.use : []) as UrlLoaderUse[]) {
          if (use?.loader?.includes('url-loader') && use.options) use.options = { ...use.options, limit: false };
        }
      }
      return {};
    },
  };
}
