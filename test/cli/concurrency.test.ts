/**
 * Eight `ormdiff upgrade head` processes, started together on one database as eight CI jobs or app
 * instances would: the advisory lock lets each migration run exactly once, and every process exits 0.
 */
import { querySql } from '../../src/testing/database';
import { INITIAL, projectWithDatabase } from '../scratch/project';
import { runCli } from './helpers';

const fixture = projectWithDatabase();

test('eight concurrent CLI upgrades apply each migration exactly once', async () => {
  const revisions = ['cc0000000001', 'cc0000000002', 'cc0000000003'];
  revisions.forEach((revision, i) =>
    fixture.project().addMigration({
      revision,
      parent: i === 0 ? INITIAL : revisions[i - 1],
      slug: `step_${i + 1}`,
      // The sleep widens the window in which a second process could interleave if the lock did not hold.
      up: `${i === 0 ? 'await queryRunner.query(`CREATE TABLE applied_log (revision text NOT NULL)`);\n' : ''}` +
        `await queryRunner.query(\`SELECT pg_sleep(0.3)\`);\nawait queryRunner.query(\`INSERT INTO applied_log VALUES ('${revision}')\`);`,
      down: i === 0 ? 'await queryRunner.query(`DROP TABLE applied_log`);' : `await queryRunner.query(\`DELETE FROM applied_log WHERE revision = '${revision}'\`);`,
    }),
  );
  const url = fixture.db().url;
  const runs = await Promise.all(
    Array.from({ length: 8 }, () => runCli(['upgrade', 'head'], { cwd: fixture.project().dir, env: { DATABASE_URL: url } })),
  );
  for (const run of runs) expect({ code: run.code, errors: run.stderr.split('\n').filter((l) => l.startsWith('ormdiff:')) }).toEqual({ code: 0, errors: [] });

  // Each revision ran in exactly one process, and the log shows it once.
  const ran = runs.flatMap((r) => [...r.stderr.matchAll(/Running upgrade \S+ -> (\S+),/g)].map((m) => m[1])).sort();
  expect(ran).toEqual([INITIAL, ...revisions].sort());
  const log = await querySql<{ revision: string }>(url, 'SELECT revision FROM applied_log ORDER BY 1');
  expect(log.map((r) => r.revision)).toEqual(revisions);
  const history = await querySql<{ revision: string; n: number }>(
    url,
    `SELECT revision, count(*)::int AS n FROM ormdiff_history WHERE operation = 'upgrade' GROUP BY revision ORDER BY 1`,
  );
  expect(history).toEqual([...revisions, INITIAL].sort().map((revision) => ({ revision, n: 1 })));
  expect(await querySql(url, 'SELECT version_num FROM ormdiff_version')).toEqual([{ version_num: revisions[2] }]);
}, 120_000);
