/**
 * The bench's figures as Markdown: the table of runs, the growth exponents between sizes, and the
 * goals of issue 10 judged on them. ormdiff's warm and first (cold-cache) runs are reported side by
 * side, each with its own ratio to TypeORM, so neither stands in for the other.
 */

export interface Summary {
  medianMs: number;
  runsMs: number[];
  maxRssMb: number;
  exitCode: number | null;
  /** A run was stopped at the bench's timeout: medianMs and maxRssMb are lower bounds. */
  timedOut?: boolean;
  stagesMs?: Record<string, number>;
  roundTrips?: number;
}

export interface Row {
  name: string;
  entities?: number;
  /** ormdiff with its caches (.ormdiff/) cold: the first run on a fresh checkout or a CI job without them. */
  first: Summary;
  /** Warm: later runs on the unchanged project and database (the catalog read a run keeps is reused). */
  ormdiff: Summary;
  /** Warm caches, but the database changed since the last run: its catalog is read again (no kept read). */
  changed?: Summary;
  typeorm: Summary;
  pgDump?: Summary;
  inSync: { ormdiff: boolean; typeorm: boolean };
  notes: string[];
}

/** Exponent k in t ∝ n^k; `lowerBound` when the larger size's run was stopped at the timeout. */
export interface Exponent {
  k: number;
  lowerBound?: boolean;
}

export interface Growth {
  from: number;
  to: number;
  exponents: Record<MetricKey, Exponent | undefined>;
}

const METRICS = {
  ormdiffWarmTime: { label: 'ormdiff warm time', pick: (r: Row) => r.ormdiff, field: 'medianMs' },
  ormdiffChangedTime: { label: 'ormdiff database-changed time', pick: (r: Row) => r.changed, field: 'medianMs' },
  ormdiffFirstRunTime: { label: 'ormdiff first-run time', pick: (r: Row) => r.first, field: 'medianMs' },
  typeormTime: { label: 'TypeORM time', pick: (r: Row) => r.typeorm, field: 'medianMs' },
  pgDumpTime: { label: 'pg_dump time', pick: (r: Row) => r.pgDump, field: 'medianMs' },
  ormdiffWarmMemory: { label: 'ormdiff warm memory', pick: (r: Row) => r.ormdiff, field: 'maxRssMb' },
  ormdiffChangedMemory: { label: 'ormdiff database-changed memory', pick: (r: Row) => r.changed, field: 'maxRssMb' },
  ormdiffFirstRunMemory: { label: 'ormdiff first-run memory', pick: (r: Row) => r.first, field: 'maxRssMb' },
  typeormMemory: { label: 'TypeORM memory', pick: (r: Row) => r.typeorm, field: 'maxRssMb' },
} as const satisfies Record<string, { label: string; pick: (r: Row) => Summary | undefined; field: 'medianMs' | 'maxRssMb' }>;
type MetricKey = keyof typeof METRICS;

/** The sizes growth is judged over: from 1,000 entities up (below that, fixed startup costs dominate). */
export const GROWTH_FROM = 1000;
/** ormdiff's growth counts as linear up to this exponent (room for measurement noise). */
export const LINEAR_MAX_EXPONENT = 1.15;

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * k = ln(v_b / v_a) / ln(n_b / n_a) for one metric between two sizes; none when either figure is
 * missing, failed (a process that exited non-zero did other work than the one measured) or, at the
 * smaller size, was stopped (nothing bounds it).
 */
function exponentOf(a: Row, b: Row, key: MetricKey): Exponent | undefined {
  const { pick, field } = METRICS[key];
  const sa = pick(a);
  const sb = pick(b);
  if (!sa || !sb || sa.timedOut || sa.exitCode !== 0 || (!sb.timedOut && sb.exitCode !== 0)) return undefined;
  const va = sa[field];
  const vb = sb[field];
  if (!(va > 0 && vb > 0)) return undefined;
  const k = round(Math.log(vb / va) / Math.log(b.entities! / a.entities!), 2);
  return sb.timedOut ? { k, lowerBound: true } : { k };
}

function growthBetween(a: Row, b: Row): Growth {
  const exponents = Object.fromEntries((Object.keys(METRICS) as MetricKey[]).map((key) => [key, exponentOf(a, b, key)])) as Growth['exponents'];
  return { from: a.entities!, to: b.entities!, exponents };
}

/** Every pair of consecutive sizes ≥ GROWTH_FROM, then the whole span (when it is not one of the pairs). */
export function growth(rows: Row[]): { pairs: Growth[]; overall?: Growth } {
  const big = rows.filter((r) => r.entities !== undefined && r.entities >= GROWTH_FROM).sort((a, b) => a.entities! - b.entities!);
  const pairs = big.slice(1).map((b, i) => growthBetween(big[i], b));
  return { pairs, overall: big.length >= 2 ? growthBetween(big[0], big[big.length - 1]) : undefined };
}

const showExponent = (e: Exponent | undefined): string => (e === undefined ? '-' : `${e.lowerBound ? '≥ ' : ''}${e.k}`);

export function growthTable(g: { pairs: Growth[]; overall?: Growth }): string[] {
  if (!g.overall) return [];
  const keys = Object.keys(METRICS) as MetricKey[];
  const header = ['sizes', ...keys.map((k) => METRICS[k].label)];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  const spans = g.pairs.length > 1 ? [...g.pairs.map((p) => ({ p, label: '' })), { p: g.overall, label: ' (overall)' }] : [{ p: g.overall, label: '' }];
  for (const { p, label } of spans) lines.push(`| ${[`${p.from}→${p.to}${label}`, ...keys.map((k) => showExponent(p.exponents[k]))].join(' | ')} |`);
  return lines;
}

/** A median for the table: a stopped run as the lower bound it is, a failed one with its exit code. */
function ms(s: Summary): string {
  if (s.timedOut) return `timeout (> ${round(s.medianMs / 1000)} s)`;
  return s.exitCode === 0 ? `${s.medianMs}` : `${s.medianMs} (exit ${s.exitCode})`;
}

/** How many times faster `fast` is than `slow`; a bound when either was stopped. */
function times(slow: Summary, fast: Summary): string {
  const ratio = round(slow.medianMs / fast.medianMs, 2);
  if (fast.timedOut && slow.timedOut) return '-';
  return fast.timedOut ? `< ${ratio}` : slow.timedOut ? `> ${ratio}` : `${ratio}`;
}

export const speedup = (slow: Summary, fast: Summary): number => slow.medianMs / fast.medianMs;

export function resultsTable(rows: Row[]): string[] {
  const header = [
    '',
    'ormdiff warm ms',
    'TypeORM ms',
    'x faster (warm)',
    'ormdiff, database changed ms',
    'x faster (database changed)',
    'ormdiff first run ms',
    'x faster (first run)',
    'pg_dump ms',
    'x pg_dump (warm)',
    'ormdiff MiB (warm / changed / first)',
    'TypeORM MiB',
    'round trips (warm / changed / first)',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) {
    lines.push(
      `| ${[
        r.name,
        ms(r.ormdiff),
        ms(r.typeorm),
        times(r.typeorm, r.ormdiff),
        r.changed ? ms(r.changed) : '',
        r.changed ? times(r.typeorm, r.changed) : '',
        ms(r.first),
        times(r.typeorm, r.first),
        r.pgDump ? ms(r.pgDump) : '',
        r.pgDump ? round(r.ormdiff.medianMs / r.pgDump.medianMs, 2) : '',
        `${r.ormdiff.maxRssMb} / ${r.changed?.maxRssMb ?? '-'} / ${r.first.maxRssMb}`,
        `${r.typeorm.timedOut ? '≥ ' : ''}${r.typeorm.maxRssMb}`,
        `${r.ormdiff.roundTrips ?? '-'} / ${r.changed?.roundTrips ?? '-'} / ${r.first.roundTrips ?? '-'}`,
      ].join(' | ')} |`,
    );
  }
  return lines;
}

/** ormdiff's own stage times (ORMDIFF_TIMINGS), warm and first run: where a cold run's extra time goes. */
export function stagesTable(rows: Row[]): string[] {
  const stages = [...new Set(rows.flatMap((r) => [...Object.keys(r.ormdiff.stagesMs ?? {}), ...Object.keys(r.changed?.stagesMs ?? {}), ...Object.keys(r.first.stagesMs ?? {})]))];
  if (stages.length === 0) return [];
  const header = ['', 'run', ...stages];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const runs: [string, Summary][] = [['warm', r.ormdiff], ...(r.changed ? [['database changed', r.changed] as [string, Summary]] : []), ['first', r.first]];
    for (const [run, s] of runs) {
      lines.push(`| ${[run === 'warm' ? r.name : '', run, ...stages.map((k) => (s.stagesMs?.[k] === undefined ? '' : Math.round(s.stagesMs[k])))].join(' | ')} |`);
    }
  }
  return lines;
}

const mark = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');

/** Missed if any row missed it, else undecided if any row is, else met. */
const every = (verdicts: Array<boolean | undefined>): boolean | undefined =>
  verdicts.includes(false) ? false : verdicts.includes(undefined) ? undefined : verdicts.length > 0 ? true : undefined;

/**
 * "ormdiff at least `min` times faster than TypeORM" for one ormdiff run: undecided when a run failed
 * (it did other work than the one measured), or TypeORM was stopped short of `min` times ormdiff's time.
 */
function fasterBy(r: Row, run: Summary, min: number): boolean | undefined {
  if (run.exitCode !== 0) return undefined;
  const x = speedup(r.typeorm, run);
  if (r.typeorm.timedOut) return x >= min ? true : undefined;
  return r.typeorm.exitCode === 0 ? x >= min : undefined;
}

/** A goal judged on the warm run, the run after the database changed (where measured) and the first run, each said. */
function bothRuns(rows: Row[], judge: (r: Row, run: Summary) => boolean | undefined, show: (r: Row) => string): string {
  if (rows.length === 0) return '- (not measured)';
  const verdict = (run: (r: Row) => Summary): string => {
    const v = every(rows.map((r) => judge(r, run(r))));
    return v === undefined ? 'not judged: a run failed or was stopped, see Notes' : mark(v);
  };
  const changed = rows.every((r) => r.changed) ? `; database changed: ${verdict((r) => r.changed!)}` : '';
  return `${rows.map(show).join('; ')} (warm: ${verdict((r) => r.ormdiff)}${changed}; first run: ${verdict((r) => r.first)})`;
}

const exp = (e: Exponent | undefined): string => (e === undefined ? '-' : `${e.lowerBound ? '≥ ' : ''}n^${e.k}`);

export function goalLines(rows: Row[], opts: { appNames: string[]; migrations: number }): string[] {
  const sized = rows.filter((r) => r.entities !== undefined).sort((a, b) => a.entities! - b.entities!);
  const at1000 = sized.filter((r) => r.entities === 1000);
  const apps = rows.filter((r) => opts.appNames.includes(r.name));
  const check = rows.filter((r) => r.name.startsWith('check'));
  const g = growth(rows);
  const o = g.overall?.exponents;
  const linear = o ? [o.ormdiffWarmTime, o.ormdiffChangedTime, o.ormdiffFirstRunTime, o.ormdiffWarmMemory, o.ormdiffChangedMemory, o.ormdiffFirstRunMemory] : undefined;
  const linearOk = linear?.some((e) => e === undefined) ? undefined : linear?.every((e) => e!.k <= LINEAR_MAX_EXPONENT);
  const warmTrips = new Set(sized.map((r) => `${r.ormdiff.roundTrips}/${r.changed?.roundTrips}`));
  const firstTrips = new Set(sized.map((r) => r.first.roundTrips));
  const vsTypeorm = (r: Row): string =>
    `${times(r.typeorm, r.ormdiff)}x warm, ${r.changed ? `${times(r.typeorm, r.changed)}x database changed, ` : ''}${times(r.typeorm, r.first)}x first run`;
  return [
    `- 1,000 entities, ormdiff ≥ 10x faster than TypeORM: ${bothRuns(at1000, (r, run) => fasterBy(r, run, 10), vsTypeorm)}`,
    `- 1,000 entities, ormdiff within 2x of pg_dump --schema-only: ${bothRuns(
      at1000.filter((r) => r.pgDump),
      (r, run) => (run.exitCode === 0 && r.pgDump!.exitCode === 0 ? run.medianMs / r.pgDump!.medianMs <= 2 : undefined),
      (r) =>
        `${round(r.ormdiff.medianMs / r.pgDump!.medianMs, 2)}x warm, ${r.changed ? `${round(r.changed.medianMs / r.pgDump!.medianMs, 2)}x database changed, ` : ''}${round(r.first.medianMs / r.pgDump!.medianMs, 2)}x first run`,
    )}`,
    `- peak memory ≤ TypeORM's at every size: ${
      sized.map((r) => `${r.entities}: ${r.ormdiff.maxRssMb} warm / ${r.changed ? `${r.changed.maxRssMb} changed / ` : ''}${r.first.maxRssMb} first vs ${r.typeorm.timedOut ? '≥ ' : ''}${r.typeorm.maxRssMb} MiB`).join('; ') || '-'
    } (warm: ${mark(sized.length ? sized.every((r) => Math.max(r.ormdiff.maxRssMb, r.changed?.maxRssMb ?? 0) <= r.typeorm.maxRssMb) : undefined)}; first run: ${mark(
      sized.length ? sized.every((r) => r.first.maxRssMb <= r.typeorm.maxRssMb) : undefined,
    )})`,
    `- linear growth (ormdiff's time and memory exponents, warm and first run, ≤ ${LINEAR_MAX_EXPONENT} from ${GROWTH_FROM.toLocaleString('en')} entities to the largest size): ${
      g.overall && o
        ? `${g.overall.from}→${g.overall.to}: time ${exp(o.ormdiffWarmTime)} warm, ${exp(o.ormdiffChangedTime)} database changed, ${exp(o.ormdiffFirstRunTime)} first run; memory ${exp(o.ormdiffWarmMemory)} warm, ${exp(o.ormdiffChangedMemory)} database changed, ${exp(o.ormdiffFirstRunMemory)} first run (TypeORM time ${exp(o.typeormTime)}, pg_dump ${exp(o.pgDumpTime)})${
            g.pairs.length > 1 ? `; warm time by step: ${g.pairs.map((p) => `${p.from}→${p.to} ${exp(p.exponents.ormdiffWarmTime)}`).join(', ')}` : ''
          }`
        : `needs two sizes ≥ ${GROWTH_FROM.toLocaleString('en')}`
    } (${mark(linearOk)})`,
    `- round trips do not grow with the model: ${sized.map((r) => `${r.entities}: ${r.ormdiff.roundTrips ?? '-'} warm / ${r.changed?.roundTrips ?? '-'} database changed / ${r.first.roundTrips ?? '-'} first`).join('; ') || '-'} (${
      sized.length < 2 ? 'not measured: one size' : warmTrips.size === 1 && firstTrips.size === 1 ? 'met: constant' : 'MISSED: they vary with the size'
    })`,
    `- real-world apps ≥ 3x faster than TypeORM: ${bothRuns(apps, (r, run) => fasterBy(r, run, 3), (r) => `${r.name} ${vsTypeorm(r)}`)}`,
    `- check replay of ${opts.migrations} migrations at least as fast as migration:run: ${bothRuns(
      check,
      (r, run) => fasterBy(r, run, 1),
      (r) => `${ms(r.ormdiff)} ms warm, ${ms(r.first)} ms first run vs ${ms(r.typeorm)} ms (${vsTypeorm(r)})`,
    )}`,
  ];
}
