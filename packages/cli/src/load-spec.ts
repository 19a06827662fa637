/**
 * Reading a SPEC argument: inline JSON, `@file.json`, or the short form, built with `@anneal/core`'s
 * `scheduleFromJSON` so schedule errors come from the library itself.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Schedule } from '@anneal/core';
import { scheduleFromJSON } from '@anneal/core/json';
import { fileError, UsageError } from './errors.js';
import { isShortForm, parseShortSpec } from './spec.js';

/** A schedule read from the command line, with the label charts give it. */
export interface LoadedSpec {
  /** The argument as typed. */
  readonly source: string;
  /** A short label for legends: the short form as typed, the file name, or the JSON's type. */
  readonly label: string;
  /** The schedule. */
  readonly schedule: Schedule;
}

function parseJsonText(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${where}: not valid JSON (${(error as Error).message})`);
  }
}

function jsonLabel(json: unknown): string {
  if (typeof json === 'object' && json !== null) {
    const o = json as Record<string, unknown>;
    if (typeof o.type === 'string') return o.type;
    if (typeof o.scheduler === 'string') return o.scheduler;
  }
  return 'schedule';
}

/**
 * Reads one SPEC argument.
 *
 * @param cwd - Directory `@file` paths are relative to.
 * @throws {@link UsageError} for an unreadable file, invalid JSON or a malformed short form; `@anneal/core`'s
 *   `InvalidParameterError`/`UnknownScheduleError` for a schedule it refuses (both prefixed by the argument).
 */
export function loadSpec(source: string, cwd: string = process.cwd()): LoadedSpec {
  const where = source.length > 60 ? `${source.slice(0, 57)}...` : source;
  let json: unknown;
  let label: string;
  if (source.trimStart().startsWith('@')) {
    const path = source.trimStart().slice(1);
    if (path === '') throw new UsageError('"@" needs a file name (e.g. @schedule.json)');
    let text: string;
    try {
      text = readFileSync(resolve(cwd, path), 'utf8');
    } catch (error) {
      throw fileError('read', path, error);
    }
    json = parseJsonText(text, path);
    label = basename(path);
  } else if (isShortForm(source)) {
    json = parseShortSpec(source);
    label = source.trim();
  } else {
    json = parseJsonText(source, 'inline JSON');
    label = jsonLabel(json);
  }
  try {
    return { source, label, schedule: scheduleFromJSON(json) };
  } catch (error) {
    if (error instanceof Error) error.message = `${where}: ${error.message}`;
    throw error;
  }
}
