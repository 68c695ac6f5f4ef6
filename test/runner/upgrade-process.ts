/**
 * One `ormdiff upgrade head` as a separate process, for the concurrency test:
 * node -r @swc-node/register test/runner/upgrade-process.ts <url> <migrationsDir>
 * Prints the revisions it applied as JSON; exits with the error's exit code.
 */
import { upgrade } from '../../src/runner/migrate';

const [url, migrationsDir] = process.argv.slice(2);
upgrade({ url, migrationsDir, target: 'head' }).then(
  (r) => process.stdout.write(JSON.stringify(r.steps.map((s) => s.revision))),
  (err: Error & { exitCode?: number }) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(err.exitCode ?? 1);
  },
);
