/**
 * Command-line parsing for every tool in scripts/: node:util's parseArgs in strict mode, with
 * messages a person can act on. A mistyped flag (`--onyl`) is an error naming it, the likely
 * intended one and every valid one, never silently ignored; so are a missing value, a value given
 * to a switch, an argument the tool does not take, and a value outside a fixed list.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from './problems.ts';

/** One option: a switch, or an option with a value (`<placeholder>`), optionally one of `choices`. */
export interface Option {
  type: 'string' | 'boolean';
  /** How the usage line names the value, e.g. `<folder>`. */
  value?: string;
  /** The values allowed (checked, and listed in the usage line). */
  choices?: readonly string[];
  multiple?: boolean;
}

/** A tool's command line: its name as typed, its options, and what its arguments are called. */
export interface CommandLine<O extends Record<string, Option>> {
  /** How a person runs the tool, e.g. `npm run build`: every message starts with it. */
  command: string;
  options: O;
  /** Names of the arguments besides the options, e.g. `['<version>']`; none by default. */
  positionals?: readonly string[];
  /** At least this many arguments (default 0). */
  minPositionals?: number;
}

/** A bad command line; `message` says what was wrong and how the command is used. */
export class UsageError extends Error {}

type Values<O extends Record<string, Option>> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean'
    ? O[K]['multiple'] extends true
      ? boolean[]
      : boolean
    : O[K]['multiple'] extends true
      ? string[]
      : string;
};

/** `--name <value>` or `--name`, with the choices when there are few. */
function describe(name: string, option: Option): string {
  if (option.type === 'boolean') return `--${name}`;
  return `--${name} ${option.choices ? option.choices.join('|') : (option.value ?? '<value>')}`;
}

/** The usage line: the command, its arguments and every option. */
export function usage<O extends Record<string, Option>>(line: CommandLine<O>): string {
  const options = Object.entries(line.options).map(([name, o]) => `[${describe(name, o)}]`);
  // npm passes on what follows its own `--`.
  const typed =
    line.command.startsWith('npm run ') && options.length + (line.positionals?.length ?? 0)
      ? `${line.command} --`
      : line.command;
  return `usage: ${[typed, ...(line.positionals ?? []), ...options].join(' ')}`;
}

/**
 * Parses `argv` strictly. Every problem is collected (all unknown options at once), then thrown as
 * one UsageError whose message names each and ends with the usage line.
 */
export function parseCommandLine<O extends Record<string, Option>>(
  line: CommandLine<O>,
  argv: string[],
): { values: Values<O>; positionals: string[] } {
  const known = Object.keys(line.options);
  const flags = known.map((name) => `--${name}`);
  const problems: string[] = [];
  // First leniently, for the names of all unknown options (strict mode stops at the first).
  const { tokens } = parseArgs({
    args: argv,
    options: line.options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option' || known.includes(token.name)) continue;
    problems.push(`unknown option ${token.rawName}${didYouMean(token.rawName, flags)}`);
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] } = { values: {}, positionals: [] };
  if (!problems.length) {
    try {
      parsed = parseArgs({ args: argv, options: line.options, strict: true, allowPositionals: true });
    } catch (e) {
      problems.push(explain(e as Error & { code?: string }, argv));
    }
  }
  for (const [name, option] of Object.entries(line.options)) {
    const given = parsed.values[name];
    if (!option.choices || given === undefined) continue;
    for (const value of [given].flat() as string[]) {
      if (!option.choices.includes(value)) {
        problems.push(
          `--${name} "${value}": expected one of ${option.choices.join(', ')}${didYouMean(value, option.choices)}`,
        );
      }
    }
  }
  const allowed = line.positionals?.length ?? 0;
  const extra = parsed.positionals.slice(allowed);
  if (extra.length) {
    problems.push(
      `unexpected argument${extra.length === 1 ? '' : 's'} ${extra.map((a) => `"${a}"`).join(' ')}` +
        (allowed
          ? `; expected at most ${allowed}: ${line.positionals!.join(' ')}`
          : '; this command takes options only'),
    );
  }
  if (!problems.length && parsed.positionals.length < (line.minPositionals ?? 0)) {
    problems.push(`expected ${line.positionals!.slice(parsed.positionals.length, line.minPositionals).join(' ')}`);
  }
  if (problems.length) {
    const valid = Object.entries(line.options)
      .map(([name, o]) => describe(name, o))
      .join(', ');
    throw new UsageError(
      [...problems.map((p) => `${line.command}: ${p}`), `valid options: ${valid || 'none'}`, usage(line)].join('\n'),
    );
  }
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}

/** parseArgs' own error for a known option used wrongly, in the words of this module. */
function explain(e: Error & { code?: string }, argv: string[]): string {
  const name = /'(-[^' ]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing|ambiguous/.test(e.message)) {
    const next = argv[argv.indexOf(name) + 1];
    return `${name} needs a value${next === undefined ? '' : `, found the option ${next}`}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `${name} is a switch and takes no value, found "${argv.find((a) => a.startsWith(`${name}=`)) ?? name}"`;
  }
  return e.message;
}
