import { useMemo } from "react";
import { engine, type PolicyDocument } from "../engine";
import { catalogs, type I18n, type MessageKey } from "../i18n";

/** A policy document by name, in the pane's language. */
export function documentName(doc: PolicyDocument | undefined, id: string, lang: I18n["lang"]): string {
  if (!doc) return id;
  return lang === "zh-CN" ? doc.title : doc.titleEn;
}

/** A short name for a narrow column: the pane's own (policy.<id>), else the full title. */
export function shortDocumentName(doc: PolicyDocument | undefined, id: string, i18n: I18n): string {
  const key = `policy.${id}`;
  return key in catalogs[i18n.lang] ? i18n.t(key as MessageKey) : documentName(doc, id, i18n.lang);
}

export function useDocuments(): ReadonlyMap<string, PolicyDocument> {
  return useMemo(() => new Map(engine().catalog.documents.map((d) => [d.id, d])), []);
}
