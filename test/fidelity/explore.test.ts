import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { introspect } from '../../src/introspect';
import { diffSchemas } from '../../src/diff/diff';
import { planChanges } from '../../src/plan/plan';
import { renderPlanSql } from '../../src/render/sql';
import { createTestDatabase, execSql } from '../../src/testing/database';
import { psqlFile } from '../introspect/helpers';

const FIX: Record<string, [string, string[]]> = {
  pagila: ['/work/shared/fixtures/pagila/pagila-schema.sql', ['public']],
  aw: ['/work/shared/fixtures/adventureworks-pg/adventureworks-schema-pg15.sql', ['public','person','humanresources','production','purchasing','sales','pe','hr','pr','pu','sa']],
};
const which = process.env.FIX ?? 'pagila';
test('explore', async () => {
  const [file, schemas] = FIX[which];
  const a = await createTestDatabase('fid_a');
  const b = await createTestDatabase('fid_b');
  psqlFile(a.url, file);
  const read = async (url: string) => { const c = new Client({ connectionString: url }); await c.connect(); try { return (await introspect(c, { schemas })).schema; } finally { await c.end(); } };
  const ma = await read(a.url);
  const empty = await read(b.url);
  const plan = planChanges(diffSchemas(empty, ma));
  const up = renderPlanSql(plan, 'up');
  writeFileSync(`/tmp/fid_${which}_up.sql`, up);
  writeFileSync(`/tmp/fid_${which}_down.sql`, renderPlanSql(plan, 'down'));
  let err: unknown;
  try { await execSql(b.url, up); } catch (e) { err = e; }
  if (err) { console.log('UP FAILED', err); }
  const mb = await read(b.url);
  writeFileSync(`/tmp/fid_${which}_ma.json`, JSON.stringify({ ...ma, unmanaged: [] }, null, 1));
  writeFileSync(`/tmp/fid_${which}_mb.json`, JSON.stringify({ ...mb, unmanaged: [] }, null, 1));
  writeFileSync(`/tmp/fid_${which}_diff.json`, JSON.stringify(diffSchemas(ma, mb), null, 1));
  await a.drop(); await b.drop();
});
