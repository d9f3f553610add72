import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from '../src/cli/main';
import { processIo } from '../src/cli/io';

const ROOT = path.join(__dirname, '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SCRIPTS = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

/** The shell lines of the README's `sh` blocks, continuations joined, comments dropped. */
function shellLines(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  return blocks.flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n')).map((line) => line.replace(/\s+#.*$/, '').trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

/** Each command of a line: `a && b | c` → [a, b, c], as words. */
function commandsOf(line: string): string[][] {
  return line.split(/\s*(?:&&|\|)\s*/).map((part) => part.split(/\s+/).filter((w) => w !== ''));
}

/** The subcommand a `logwarden …` invocation names, and the options it passes. */
function resolve(program: Command, args: readonly string[]): { command: Command; options: string[]; path: string[] } {
  let command = program;
  const names: string[] = [];
  for (const arg of args) {
    const sub = command.commands.find((c) => c.name() === arg);
    if (sub === undefined) break;
    command = sub;
    names.push(arg);
  }
  return { command, options: args.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0] as string), path: names };
}

describe('README: every command it shows exists as shown', () => {
  const lines = shellLines();
  const commands = lines.flatMap(commandsOf);
  const logwarden = commands.filter((c) => c[0] === 'npx' && c[1] === 'logwarden').map((c) => c.slice(2));
  const npm = commands.filter((c) => c[0] === 'npm');

  it('shows the two set-up commands and the main job', () => {
    expect(lines).toContain('npm install && npm start');
    expect(lines).toContain('npm test');
    expect(logwarden.length).toBeGreaterThan(20);
  });

  it.each(logwarden.map((args) => [args.join(' '), args]))('logwarden %s: the command and each option it uses exist', (_line, args) => {
    const program = buildProgram(processIo(), () => undefined);
    const { command, options, path: names } = resolve(program, args as string[]);
    expect(names.length).toBeGreaterThan(0);
    // A command with subcommands needs one (unless it has a default, like `alerts` → `alerts list`).
    const defaultName = (command as unknown as { _defaultCommandName?: string })._defaultCommandName; // commander's isDefault
    const target = command.commands.find((c) => c.name() === defaultName) ?? command;
    const known = new Set(target.options.flatMap((o) => [o.long, o.negate ? o.long : undefined]).filter((o): o is string => o !== undefined));
    known.add('--help');
    expect(options.filter((o) => !known.has(o))).toEqual([]);
  });

  it.each(npm.map((c) => [c.join(' '), c]))('%s: the npm script exists', (_line, words) => {
    const [, verb, script] = words as string[];
    if (verb === 'run') expect(SCRIPTS).toContain(script);
    else expect(['install', 'start', 'test', 'ci']).toContain(verb);
    if (verb === 'start' || verb === 'test') expect(SCRIPTS).toContain(verb);
  });
});
