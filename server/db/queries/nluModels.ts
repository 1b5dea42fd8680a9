/** Classifier versions (migration 029) and the corrections they train on (028); see domain/nlu/retraining.ts. */
import type { ModelFigures, NluModel, NluModelStatus } from '../../../shared/contracts/nluModels';
import type { CorrectionExample } from '../../domain/nlu/retraining';
import type { Db } from '../database';
import type { NluModelsTable } from '../schemaNlu';

export function nluModelFromRow(row: NluModelsTable): NluModel {
  return {
    version: row.version,
    status: row.status as NluModelStatus,
    corrections: row.corrections,
    trainingSize: row.training_size,
    trainingMs: row.training_ms,
    figures: row.figures ? (JSON.parse(row.figures) as ModelFigures) : null,
    comparedWith: row.compared_with,
    decision: row.decision,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    trainedAt: row.trained_at,
    activatedAt: row.activated_at,
    activatedBy: row.activated_by,
  };
}

export async function listNluModels(db: Db, limit = 50): Promise<NluModelsTable[]> {
  return db.selectFrom('nlu_models').selectAll().orderBy('version', 'desc').limit(limit).execute();
}

export async function getNluModel(db: Db, version: number): Promise<NluModelsTable | undefined> {
  return db.selectFrom('nlu_models').selectAll().where('version', '=', version).executeTakeFirst();
}

/** The version that classifies now (index nlu_models_status); undefined: the shipped model, never measured. */
export async function activeNluModel(db: Db): Promise<NluModelsTable | undefined> {
  return db.selectFrom('nlu_models').selectAll().where('status', '=', 'active').executeTakeFirst();
}

export async function nluModelsIn(db: Db, statuses: readonly NluModelStatus[]): Promise<NluModelsTable[]> {
  return db.selectFrom('nlu_models').selectAll().where('status', 'in', statuses).orderBy('version').execute();
}

export async function nextNluModelVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('nlu_models').select((eb) => eb.fn.max('version').as('latest')).executeTakeFirst();
  return Number(row?.latest ?? 0) + 1;
}

export async function insertNluModel(db: Db, row: NluModelsTable): Promise<void> {
  await db.insertInto('nlu_models').values(row).execute();
}

export async function updateNluModel(db: Db, version: number, changes: Partial<Omit<NluModelsTable, 'version'>>): Promise<void> {
  await db.updateTable('nlu_models').set(changes).where('version', '=', version).execute();
}

export async function countNluCorrections(db: Db): Promise<number> {
  const row = await db.selectFrom('nlu_corrections').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

const correctionColumns = ['id', 'message_id', 'field', 'label', 'text', 'corrected_at'] as const;
type CorrectionRow = { id: string; message_id: string; field: string; label: string; text: string; corrected_at: string };
const toExample = (row: CorrectionRow): CorrectionExample => ({
  id: row.id,
  messageId: row.message_id,
  field: row.field,
  label: row.label,
  text: row.text,
  correctedAt: row.corrected_at,
});

/** Every correction so far, oldest first (the order that makes a version's training repeatable). */
export async function allNluCorrections(db: Db): Promise<CorrectionExample[]> {
  const rows = await db.selectFrom('nlu_corrections').select(correctionColumns).orderBy('corrected_at').orderBy('id').execute();
  return rows.map(toExample);
}

const ID_CHUNK = 500;

/** The corrections with these ids, in the order of `ids` (a version's recipe). */
export async function nluCorrectionsByIds(db: Db, ids: readonly string[]): Promise<CorrectionExample[]> {
  const found = new Map<string, CorrectionExample>();
  for (let at = 0; at < ids.length; at += ID_CHUNK) {
    const chunk = ids.slice(at, at + ID_CHUNK);
    const rows = await db.selectFrom('nlu_corrections').select(correctionColumns).where('id', 'in', chunk).execute();
    for (const row of rows) found.set(row.id, toExample(row));
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}
