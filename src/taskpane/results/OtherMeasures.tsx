import { useMemo } from "react";
import { engine, listClauses, type Region } from "../engine";
import { useI18n } from "../i18n";
import { shortDocumentName, useDocuments } from "./documents";

/**
 * The catalog's measures with no amount (faster testing, green channels, land…) that reach the
 * enterprise's region, with the working-day limits a timeline needs (Beijing's 60 / 90 days).
 */
export function OtherMeasures({ region }: { region: Region }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const documents = useDocuments();
  const measures = useMemo(() => listClauses(engine().catalog, region).filter(({ clause }) => clause.formula === undefined), [region]);
  return (
    <ul data-testid="other-measures">
      {measures.map(({ clause, document }) => (
        <li key={clause.id}>
          {t("clause.cited", { document: shortDocumentName(documents.get(document.id), document.id, i18n), article: clause.article, summary: lang === "zh-CN" ? clause.summary.zh : clause.summary.en })}
          {clause.workingDays === undefined ? "" : t("aside.paren", { text: t("results.workingDays", { days: String(clause.workingDays) }) })}
        </li>
      ))}
    </ul>
  );
}
