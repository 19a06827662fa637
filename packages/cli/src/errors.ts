import { AnnealError } from '@anneal/core';

/**
 * Bad command-line input that is not a schedule error: an unknown command or flag, a missing or malformed
 * value, an unreadable file. The CLI prints its message on one line to stderr and exits with status 2.
 */
export class UsageError extends AnnealError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

/** A {@link UsageError} for a file that cannot be read or written: `cannot read x.json: no such file or directory`. */
export function fileError(action: 'read' | 'write', path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = (code !== undefined ? FS_REASONS[code] : undefined) ?? (error as Error).message;
  return new UsageError(`cannot ${action} ${path}: ${reason}`);
}
