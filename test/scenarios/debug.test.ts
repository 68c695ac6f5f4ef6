import { createTestDatabase, execSql } from '../../src/testing/database';
import { renderPlanSql } from '../../src/render/sql';
import { applyPlan, compare, loadScenarios, migrationSource } from './harness';

const only = process.env.SCENARIO ?? '';
test('debug', async () => {
  for (const s of loadScenarios(__dirname).filter((x) => x.name.startsWith(only))) {
    const db = await createTestDatabase('ormdiff_dbg');
    try {
      const create = await compare(db.url, s.before);
      await applyPlan(db.url, create.plan, 'up');
      if (s.seed) await execSql(db.url, s.seed);
      const { plan } = await compare(db.url, s.after, s.expected);
      console.log(s.name + '\n' + plan.warnings.map((w) => `${w.code} ${w.severity} ${w.object} [${w.count}] ${w.message}`).join('\n') + '\n' + renderPlanSql(plan, 'up') + '\n' + renderPlanSql(plan, 'down') + (process.env.MIG ? await migrationSource(plan) : ''));
    } finally {
      await db.drop();
    }
  }
}, 120000);
