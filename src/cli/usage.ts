/**
 * yargs' validation failures as one line that says what to fix: which option, which value, what is
 * valid, and which option or command was probably meant.
 */
import yargs, { type Argv, type CommandModule } from 'yargs';

/** The option names a yargs instance was given (with their aliases), for a did-you-mean. */
function optionNames(instance: Argv): string[] {
  const options = (instance as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }).getOptions();
  return [...Object.keys(options.key), ...Object.values(options.alias).flat()].filter((k) => k.length > 1 && k !== '$0');
}

/** The options the command named first in `argv` takes, and the global ones: yargs does not tell its failure handler. */
export function knownOptions(argv: string[], global: Argv, modules: CommandModule[]): string[] {
  const name = argv.find((a) => !a.startsWith('-'));
  const module = modules.find((m) => String(m.command).split(' ')[0] === name);
  const own = module && typeof module.builder === 'function' ? optionNames(module.builder(yargs([])) as Argv) : [];
  return [...new Set([...optionNames(global), ...own])];
}

/** Edit distance, for the option a user most likely meant. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

function suggestion(name: string, known: string[]): string {
  const best = known
    .map((k) => ({ k, d: distance(name.toLowerCase(), k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.max(1, Math.floor(k.length / 3)) || k.startsWith(name) || name.startsWith(k))
    .sort((a, b) => a.d - b.d)[0];
  return best ? ` (did you mean --${best.k}?)` : '';
}

/**
 * yargs' validation message as one line that says what to fix: `Invalid values:` gets the option,
 * the value and the choices (yargs puts them on the lines below), an unknown option the one meant.
 */
export function usageMessage(message: string, known: string[], typed?: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (/^Invalid values:$/.test(lines[0] ?? '')) {
    const details = lines.slice(1).map((l) => {
      const m = /^Argument: (\S+), Given: (.*), Choices: (.*)$/.exec(l);
      return m ? `--${m[1]} does not take ${m[2]} (choose one of ${m[3]})` : l;
    });
    return `invalid value: ${details.join('; ')}`;
  }
  const unknown = /^Unknown arguments?: (.*)$/.exec(lines[0] ?? '');
  if (unknown) {
    const names = unknown[1].split(', ').map((n) => n.trim());
    return `unknown option${names.length === 1 ? '' : 's'}: ${names.map((n) => `--${n}${suggestion(n, known)}`).join(', ')}; ormdiff <command> --help lists them`;
  }
  const command = /^Did you mean (\S+)\?$/.exec(lines[0] ?? '');
  if (command) return `unknown command${typed ? ` ${typed}` : ''}: did you mean ${command[1]}? (ormdiff --help lists the commands)`;
  return lines.join(' ');
}
