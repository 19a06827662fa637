import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { themes as prismThemes } from 'prism-react-renderer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import katexWoff2 from './src/plugins/katex-woff2';
import { PYTORCH_PROVEN, REPO, BRANCH } from './src/lib/links';

/** The version of @anneal/core these pages document (the workspace's, read at build time). */
const CORE_VERSION: string = JSON.parse(readFileSync(join(__dirname, '..', '..', 'packages', 'core', 'package.json'), 'utf8')).version;

// The site must build and run with no network: no web fonts, no CDN, no analytics, no search
// service. KaTeX's stylesheet and fonts come from the installed `katex` package
// (src/clientModules/katex.ts); the theme uses the system font stack.
const config: Config = {
  title: 'anneal',
  tagline: 'Learning-rate schedules for JavaScript and TypeScript, numerically identical to PyTorch',
  favicon: 'img/favicon.svg',
  url: 'https://anneal-js.github.io',
  baseUrl: '/',
  organizationName: 'anneal-js',
  projectName: 'anneal',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {
    // .md files (the generated API reference) are CommonMark, .mdx files are MDX.
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: 'throw' },
  },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  clientModules: ['./src/clientModules/katex.ts'],
  plugins: [katexWoff2],
  themes: [
    [
      // Offline search: the index is built with the site (build/search-index*.json) and searched in the
      // reader's browser; nothing is fetched from a search service. Ctrl-K (⌘K) focuses the search box.
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        language: ['en'],
        indexDocs: true,
        indexBlog: false,
        indexPages: true,
        docsRouteBasePath: '/docs',
        docsDir: '../../docs',
        searchBarShortcut: true,
        searchBarShortcutKeymap: 'mod+k',
        highlightSearchTermsOnTargetPage: false,
        searchResultLimits: 10,
        explicitSearchResultPath: true,
      },
    ],
  ],
  presets: [
    [
      'classic',
      {
        docs: {
          path: '../../docs',
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex],
          exclude: ['**/_*.{md,mdx}', '**/README.md', '**/.gitignore'],
          // "Edit this page" on the hand-written pages; the generated ones (reference, api) set custom_edit_url: null.
          editUrl: ({ docPath }) => `${REPO}/edit/${BRANCH}/docs/${docPath}`,
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
        sitemap: { changefreq: 'weekly', priority: 0.5 },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'anneal',
      logo: { alt: 'anneal', src: 'img/favicon.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'docs', position: 'left', label: 'Docs' },
        { type: 'docSidebar', sidebarId: 'reference', position: 'left', label: 'Reference' },
        { to: '/playground', position: 'left', label: 'Playground' },
        { to: '/docs/reference/changelog', position: 'right', label: `v${CORE_VERSION}`, className: 'navbar-version' },
        { href: REPO, position: 'right', label: 'Source' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Learn',
          items: [
            { label: 'Cosine annealing', to: '/docs/schedules/cosine-annealing' },
            { label: 'SGDR (warm restarts)', to: '/docs/schedules/sgdr' },
            { label: 'Common misreadings', to: '/docs/misreadings' },
          ],
        },
        {
          title: 'Use',
          items: [
            { label: 'Getting started', to: '/docs/getting-started' },
            { label: 'Migrating from PyTorch', to: '/docs/guides/migrating-from-pytorch' },
            { label: 'Playground', to: '/playground' },
          ],
        },
        {
          title: 'Project',
          items: [
            { label: 'Reference', to: '/docs/reference' },
            { label: `Changelog (@anneal/core ${CORE_VERSION})`, to: '/docs/reference/changelog' },
            { label: 'Source', href: REPO },
          ],
        },
      ],
      copyright: `anneal ${CORE_VERSION}, MIT licensed. Values checked against traces recorded from PyTorch ${PYTORCH_PROVEN.join(' and ')}.`,
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['python', 'bash', 'json'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
