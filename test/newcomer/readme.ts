/** The README's set-up commands, parsed from its `## Set up` block so the newcomer test runs exactly what it says. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function readmeCommands(root: string): { mainJob: string; tests: string } {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Set up'));
  const block = section && /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md: no ```sh block under "## Set up"');
  const commands = block[1].split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (commands.length !== 2) throw new Error(`README.md: "## Set up" holds ${commands.length} commands, not two: ${commands.join(' | ')}`);
  return { mainJob: commands[0], tests: commands[1] };
}

/** The commands of .ci/run, comments and shell plumbing aside, each as it is written. */
export function ciCommands(root: string): string[] {
  return readFileSync(path.join(root, '.ci', 'run'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^npm /.test(l));
}
