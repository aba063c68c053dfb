/**
 * Every tool's command line is parsed strictly: a mistyped flag, a missing value, a value outside
 * a fixed list or a stray argument is an error naming it and the valid options, with a non-zero
 * exit, never a run that quietly does something else (a mistyped `--only` once ran no stage and
 * exited 0).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from './cli.ts';

const LINE = {
  command: 'npm run build',
  options: {
    study: { type: 'string', value: '<folder>' },
    only: { type: 'string', choices: ['content', 'astro', 'scan'] },
    local: { type: 'boolean' },
  },
} as const;

/** The message parseCommandLine throws for `argv`. */
function problem(argv: string[], line: Parameters<typeof parseCommandLine>[0] = LINE): string {
  try {
    parseCommandLine(line, argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`no problem with ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('reads options, switches and their values', () => {
    expect(parseCommandLine(LINE, ['--study', 'x', '--only=scan', '--local'])).toEqual({
      values: { study: 'x', only: 'scan', local: true },
      positionals: [],
    });
  });

  it('names every unknown option, the one likely meant, and the valid ones', () => {
    expect(problem(['--onyl', 'scan', '--studdy', 'x'])).toBe(
      [
        'npm run build: unknown option --onyl (did you mean "--only"?)',
        'npm run build: unknown option --studdy (did you mean "--study"?)',
        'valid options: --study <folder>, --only content|astro|scan, --local',
        'usage: npm run build -- [--study <folder>] [--only content|astro|scan] [--local]',
      ].join('\n'),
    );
  });

  it('refuses a value outside the fixed list, a missing value, a value given to a switch, and a stray argument', () => {
    expect(problem(['--only', 'scna']).split('\n')[0]).toBe(
      'npm run build: --only "scna": expected one of content, astro, scan (did you mean "scan"?)',
    );
    expect(problem(['--study']).split('\n')[0]).toBe('npm run build: --study needs a value');
    expect(problem(['--study', '--local']).split('\n')[0]).toBe(
      'npm run build: --study needs a value, found the option --local',
    );
    expect(problem(['--local=yes']).split('\n')[0]).toBe(
      'npm run build: --local is a switch and takes no value, found "--local=yes"',
    );
    expect(problem(['dist']).split('\n')[0]).toBe(
      'npm run build: unexpected argument "dist"; this command takes options only',
    );
  });

  it('counts the arguments a tool takes', () => {
    const line = { command: 'npm run import', options: {}, positionals: ['<file>'], minPositionals: 1 } as const;
    expect(parseCommandLine(line, ['a.qdpx']).positionals).toEqual(['a.qdpx']);
    expect(problem([], line).split('\n')[0]).toBe('npm run import: expected <file>');
    expect(problem(['a', 'b'], line).split('\n')[0]).toBe(
      'npm run import: unexpected argument "b"; expected at most 1: <file>',
    );
  });
});

/** Runs a tool as a person would (node <script> <args>); its exit code and what it printed on stderr. */
function runTool(script: string, ...args: string[]): { status: number | null; stderr: string } {
  const { status, stderr } = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status, stderr };
}

// Each test starts Node processes: on a busy machine that takes more than the unit tests' 5 s.
describe('a mistyped flag, given to each tool', { timeout: 60_000 }, () => {
  it('npm run build --onyl scan: exits non-zero naming --onyl, --only and the valid options, before building anything', () => {
    const { status, stderr } = runTool('scripts/build.ts', '--onyl', 'scan');
    expect(status).not.toBe(0);
    expect(stderr).toContain('npm run build: unknown option --onyl (did you mean "--only"?)');
    expect(stderr).toContain(
      'valid options: --study <folder>, --out <dir>, --local, --only content|astro|pagefind|scan|publish, --keep-refused',
    );
  });

  it('npm run build --only scna: an unknown stage is an error, not a build of no stage', () => {
    const { status, stderr } = runTool('scripts/build.ts', '--only', 'scna');
    expect(status).not.toBe(0);
    expect(stderr).toContain(
      'npm run build: --only "scna": expected one of content, astro, pagefind, scan, publish (did you mean "scan"?)',
    );
  });

  it('npm run content, npm run import, npm run release, npm run measure, npm run dev: exit non-zero naming the flag', () => {
    const tools = [
      ['scripts/build-content.ts', '--studdy', 'npm run content: unknown option --studdy (did you mean "--study"?)'],
      ['scripts/import.ts', '--ovewrite', 'npm run import: unknown option --ovewrite (did you mean "--overwrite"?)'],
      ['scripts/release.ts', '--scrubb', 'npm run release: unknown option --scrubb (did you mean "--scrub"?)'],
      ['scripts/measure.ts', '--out', 'npm run measure: unknown option --out'],
      ['scripts/dev.ts', '--port', 'npm run dev: unknown option --port'],
    ];
    for (const [script, flag, message] of tools) {
      const { status, stderr } = runTool(script, flag, 'x');
      expect(status, script).not.toBe(0);
      expect(stderr, script).toContain(message);
      expect(stderr, script).toMatch(/^valid options: /m);
    }
  });
});
