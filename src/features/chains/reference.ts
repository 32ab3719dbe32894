import { insertAuditRow } from "../../db/audit-log.js";
import type { Db } from "../../lib/context.js";
import { districtName } from "../geo/service.js";
import { findTemplate, insertTemplate, nextVersion, publishTemplateRow, seedKeysPresent, templateIdBySeedKey } from "./repository.js";
import { defaultSteps, districtFacts, halleSaalekreis } from "./seed-texts.js";
import { findSteps, replaceSteps } from "./step-repository.js";
import { stepWrites } from "./steps.js";
import { transferSteps } from "./transfer.js";

/**
 * The process chains every database starts with (reference data, not demo data): the default chain for Halle
 * (Saale) and the Saalekreis, published, and a draft for each further district of the service point, made as a
 * transfer of it (every district-bound field marked "to check", the known facts filled in). Each carries a
 * seed key: a later start inserts only what is missing and never changes what a service point edited.
 * Called for a new database (prepare-database.ts) and at every start (main.ts).
 */

export const defaultChainKey = "default-halle-saalekreis";
export const variantKey = (ags: string) => `district-variant-${ags}`;
/** The laws the default chain describes are those in force since 01.04.2024 (EQ 4–12 months; § 16g since 01.03.2024). */
const validFrom = "2024-04-01";

export async function syncChainReference(db: Db, now = new Date()): Promise<string[]> {
  const present = await seedKeysPresent(db);
  const inserted: string[] = [];
  await db.transaction().execute(async (trx) => {
    if (!present.has(defaultChainKey)) {
      const id = await insertTemplate(trx, {
        name: "Prozesskette Halle (Saale) und Saalekreis",
        districts: halleSaalekreis,
        version: await nextVersion(trx, halleSaalekreis.join(",")),
        validFrom,
        validTo: null,
        sourceTemplateId: null,
        note: "Der Weg eines Betriebs, der junge Geflüchtete oder Zugewanderte ausbildet, wie ihn die KAUSA Servicestelle für Halle (Saale) und den Saalekreis erarbeitet hat.",
        seedKey: defaultChainKey,
        by: null,
        at: now,
      });
      await replaceSteps(trx, id, stepWrites(defaultSteps, []));
      await publishTemplateRow(trx, id, halleSaalekreis.join(","), null, now);
      inserted.push(defaultChainKey);
    }
    const sourceId = await templateIdBySeedKey(trx, defaultChainKey);
    const source = sourceId ? await findTemplate(trx, sourceId) : undefined;
    if (!source) return;
    const sourceSteps = await findSteps(trx, [source.id]);
    for (const ags of Object.keys(districtFacts)) {
      const key = variantKey(ags);
      if (present.has(key)) continue;
      const { inputs, sourceIds } = transferSteps(sourceSteps, ags);
      const id = await insertTemplate(trx, {
        name: `Prozesskette ${districtName(ags) ?? ags}`,
        districts: [ags],
        version: await nextVersion(trx, ags),
        validFrom,
        validTo: null,
        sourceTemplateId: source.id,
        note: districtFacts[ags]?.note ?? null,
        seedKey: key,
        by: null,
        at: now,
      });
      await replaceSteps(
        trx,
        id,
        stepWrites(inputs, []).map((w, i) => ({ ...w, source_step_id: sourceIds[i] ?? null })),
      );
      inserted.push(key);
    }
    if (inserted.length) {
      await insertAuditRow(trx, {
        at: now,
        actorId: null,
        actorEmail: null,
        entity: "chain_template",
        entityId: null,
        action: "create",
        changedFields: inserted,
        requestId: "system-reference",
        ip: "local",
      });
    }
  });
  return inserted;
}
