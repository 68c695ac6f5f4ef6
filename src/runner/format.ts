/**
 * Text for the CLI to print, in Alembic's layout so its users read it without a manual.
 */
import { shortChecksum } from './checksum';
import type { RevisionSummary } from './inspect';
import type { HistoryEvent } from './state';

function flags(s: RevisionSummary): string {
  return [s.isHead && 'head', s.isBranchPoint && 'branchpoint', s.isMergePoint && 'mergepoint', s.isCurrent && 'current']
    .filter(Boolean)
    .map((f) => ` (${f})`)
    .join('');
}

function parents(s: RevisionSummary): string {
  if (s.downRevisions.length === 0) return '<base>';
  return s.downRevisions.length === 1 ? s.downRevisions[0] : `(${s.downRevisions.join(', ')})`;
}

/** `a1 -> b2 (head) (current), add users` */
export function formatRevisionLine(s: RevisionSummary): string {
  const title = s.message.split('\n')[0];
  return `${parents(s)} -> ${s.revision}${flags(s)}${title ? `, ${title}` : ''}`;
}

export function formatRevisionVerbose(s: RevisionSummary, events: readonly HistoryEvent[] = []): string {
  const lines = [`Rev: ${s.revision}${flags(s)}`];
  lines.push(s.isMergePoint ? `Merges: ${s.downRevisions.join(', ')}` : `Parent: ${s.downRevisions[0] ?? '<base>'}`);
  if (s.isBranchPoint) lines.push(`Branches into: ${s.children.join(', ')}`);
  lines.push(`Path: ${s.path}`);
  if (s.createDate) lines.push(`Create Date: ${s.createDate}`);
  if (!s.transaction) lines.push('Transaction: no (runs statement by statement)');
  for (const e of events) lines.push(`Applied: ${formatEvent(e)}`);
  if (s.message) lines.push('', ...s.message.split('\n').map((l) => `    ${l}`));
  return lines.join('\n') + '\n';
}

/** One row of the history table: `2024-05-01T10:00:00.000Z upgrade applied in 12.3 ms by alice@ci (db postgres)`. */
export function formatEvent(e: HistoryEvent): string {
  const when = (e.appliedAt ?? e.startedAt).toISOString();
  const took = e.durationMs !== null ? ` in ${e.durationMs.toFixed(1)} ms` : '';
  const note = e.message ? ` — ${e.message}` : '';
  return `${when} ${e.operation} ${e.status}${took} by ${e.ranBy ?? '?'} (db ${e.dbUser}), checksum ${e.checksum ? shortChecksum(e.checksum) : '-'}${note}`;
}
