/**
 * Where the site links to: the repository (source, edit, changelog), the papers behind the schedules,
 * and the PyTorch versions anneal's values are proven against. One place, so a move is one edit.
 */
export const REPO = 'https://github.com/anneal-js/anneal';
export const BRANCH = 'main';

/** The repository file `path` (from the root), on the default branch. */
export function sourceUrl(path: string): string {
  return `${REPO}/blob/${BRANCH}/${path}`;
}

/**
 * The PyTorch releases anneal's values are checked against: traces recorded from 1.13.1
 * (packages/core/test/fixtures/traces, replayed by every test run) and from 2.13.0 (traces-torch2/).
 */
export const PYTORCH_PROVEN = ['1.13.1', '2.13.0'] as const;

export interface Paper {
  title: string;
  authors: string;
  arxiv: string;
}

/** The papers the site cites, by arXiv id. */
export const PAPERS: Record<string, Paper> = {
  '1608.03983': { title: 'SGDR: Stochastic Gradient Descent with Warm Restarts', authors: 'Loshchilov & Hutter, ICLR 2017', arxiv: '1608.03983' },
  '1506.01186': { title: 'Cyclical Learning Rates for Training Neural Networks', authors: 'Smith, WACV 2017', arxiv: '1506.01186' },
  '1708.07120': { title: 'Super-Convergence: Very Fast Training of Neural Networks Using Large Learning Rates (the one-cycle policy)', authors: 'Smith & Topin, 2018', arxiv: '1708.07120' },
  '1706.03762': { title: 'Attention Is All You Need (inverse square root schedule)', authors: 'Vaswani et al., 2017', arxiv: '1706.03762' },
  '2404.06395': { title: 'MiniCPM: Unveiling the Potential of Small Language Models with Scalable Training Strategies (warmup-stable-decay)', authors: 'Hu et al., 2024', arxiv: '2404.06395' },
  '2405.18392': { title: 'Scaling Laws and Compute-Optimal Training Beyond Fixed Training Durations (WSD with cooldown)', authors: 'Hägele et al., 2024', arxiv: '2405.18392' },
  '2502.15938': { title: 'Straight to Zero: Why Linearly Decaying the Learning Rate to Zero Works Best for LLMs', authors: 'Bergsma et al., ICLR 2025', arxiv: '2502.15938' },
};

/** Papers a schedule kind's descriptor does not cite but its reference entry should. */
const EXTRA_PAPERS: Record<string, string[]> = {
  linear: ['2502.15938'],
  polynomial: ['2502.15938'],
};

export const arxivUrl = (id: string) => `https://arxiv.org/abs/${id}`;

/** The papers of a schedule kind: the arXiv ids in its descriptor's `source`, then the site's additions. */
export function papersOf(type: string, source: string | undefined): Paper[] {
  const ids = Array.from((source ?? '').matchAll(/arXiv:(\d{4}\.\d{4,5})/g), (m) => m[1]!);
  for (const id of EXTRA_PAPERS[type] ?? []) if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => PAPERS[id] ?? { title: `arXiv:${id}`, authors: '', arxiv: id });
}

/** PyTorch's documentation page of a class in torch.optim.lr_scheduler. */
export const torchDocsUrl = (cls: string) => `https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.${cls}.html`;
