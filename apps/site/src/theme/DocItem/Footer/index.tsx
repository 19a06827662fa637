/**
 * The doc footer, with what a page's front matter says about its sources: `source_files` (repository
 * paths of the code the page describes) and `papers` (arXiv ids), as links above "Edit this page".
 */
import React, { type ReactNode } from 'react';
import Footer from '@theme-original/DocItem/Footer';
import type FooterType from '@theme/DocItem/Footer';
import type { WrapperProps } from '@docusaurus/types';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { PAPERS, arxivUrl, sourceUrl } from '@site/src/lib/links';

type Props = WrapperProps<typeof FooterType>;

export default function FooterWrapper(props: Props): ReactNode {
  const { frontMatter } = useDoc();
  const fm = frontMatter as { source_files?: unknown; papers?: unknown };
  const sources = Array.isArray(fm.source_files) ? fm.source_files.map(String) : [];
  const papers = Array.isArray(fm.papers) ? fm.papers.map(String) : [];
  return (
    <>
      {(sources.length > 0 || papers.length > 0) && (
        <div className="margin-top--lg" data-testid="page-sources">
          {papers.length > 0 && (
            <p>
              Paper{papers.length > 1 ? 's' : ''}:{' '}
              {papers.map((id, i) => (
                <React.Fragment key={id}>
                  {i > 0 && '; '}
                  <a href={arxivUrl(id)} data-testid="page-paper" target="_blank" rel="noopener noreferrer">
                    {PAPERS[id]?.title ?? `arXiv:${id}`}
                  </a>{' '}
                  ({PAPERS[id]?.authors ? `${PAPERS[id]!.authors}, ` : ''}arXiv:{id})
                </React.Fragment>
              ))}
            </p>
          )}
          {sources.length > 0 && (
            <p>
              The code on this page:{' '}
              {sources.map((path, i) => (
                <React.Fragment key={path}>
                  {i > 0 && ', '}
                  <a href={sourceUrl(path)} data-testid="page-source" target="_blank" rel="noopener noreferrer">
                    <code>{path.replace(/^packages\/core\/src\//, '')}</code>
                  </a>
                </React.Fragment>
              ))}
              .
            </p>
          )}
        </div>
      )}
      <Footer {...props} />
    </>
  );
}
