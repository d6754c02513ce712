import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '@ladder/core';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with one-line errors that say how to get help. */
export function parseArguments<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    throw new UsageError(`ladder ${command}: ${message.replace(/\. To specify a positional argument.*$/, '')}; see \`ladder ${command} --help\``);
  }
}

/** Comma-separated and repeated flags, flattened: `--suite a,b --suite c`. */
export function listOption(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function integerOption(name: string, value: string | undefined, options: { min: number; max?: number }): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < options.min || (options.max !== undefined && parsed > options.max)) {
    const range = options.max === undefined ? `a whole number >= ${options.min}` : `a whole number from ${options.min} to ${options.max}`;
    throw new UsageError(`--${name} ${value}: expected ${range}`);
  }
  return parsed;
}

export function numberOption(name: string, value: string | undefined, options: { min: number }): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < options.min) throw new UsageError(`--${name} ${value}: expected a number >= ${options.min}`);
  return parsed;
}
