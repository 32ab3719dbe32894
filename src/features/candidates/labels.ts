import type { CandidateStatus, Residence } from "./schema.js";

/** German labels of the codes, for exports, PDFs and the timeline (the web app has its own in i18n). */
export const statusLabels: Record<CandidateStatus, string> = {
  new: "Neu",
  active: "In Beratung",
  placed: "Vermittelt",
  paused: "Pausiert",
  closed: "Abgeschlossen",
};

export const residenceLabels: Record<Residence["status"], string> = {
  citizen: "Deutsche/r, EU, EWR, Schweiz",
  permit_work_allowed: "Aufenthaltserlaubnis (Arbeit erlaubt)",
  gestattung: "Aufenthaltsgestattung",
  duldung: "Duldung",
  ausbildungsduldung: "Ausbildungsduldung",
  permit_16g: "Aufenthaltserlaubnis §16g",
  other: "Sonstiges",
};

export const workPermissionLabels: Record<Residence["workPermission"], string> = {
  allowed: "Erwerbstätigkeit gestattet",
  needs_approval: "nur mit Genehmigung der ABH",
  forbidden: "nicht gestattet",
};
