/**
 * Reading a SPEC argument: inline JSON, `@file.json`, or the short form, built with `@anneal/core`'s
 * `scheduleFromJSON` so schedule errors come from the library itself.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Schedule } from '@anneal/core';
import { ecosystemFromJSON, scheduleFromJSON } from '@anneal/core/json';
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
  /**
   * For a configuration of HF transformers, timm, Keras or optax: the base rate at which the schedule's
   * values are that library's numbers (the default of `--base-lr`).
   */
  readonly baseLr?: number;
}

/** The ecosystem and base rate of an HF/timm/Keras/optax configuration, or `undefined` for anneal's and PyTorch's spellings. */
function ecosystemOf(json: unknown): { label: string; baseLr?: number } | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  if ('type' in o || 'scheduler' in o) return undefined;
  if (!['lr_scheduler_type', 'name', 'class_name', 'optax', 'sched'].some((k) => k in o)) return undefined;
  const reading = ecosystemFromJSON(json);
  return { label: `${reading.ecosystem}:${reading.name}`, ...(reading.baseLr === undefined ? {} : { baseLr: reading.baseLr }) };
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
    const schedule = scheduleFromJSON(json);
    const ecosystem = ecosystemOf(json);
    if (ecosystem === undefined) return { source, label, schedule };
    return { source, label: label === 'schedule' ? ecosystem.label : label, schedule, ...(ecosystem.baseLr === undefined ? {} : { baseLr: ecosystem.baseLr }) };
  } catch (error) {
    if (error instanceof Error) error.message = `${where}: ${error.message}`;
    throw error;
  }
}
