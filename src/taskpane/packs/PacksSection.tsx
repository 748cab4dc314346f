import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { useConfirm } from "../ConfirmDialog";
import { useI18n } from "../i18n";
import { packRows, type PackRow } from "./describe";
import { usePacksInUse, type Outcome, type Revision } from "./state";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: `${tokens.spacingVerticalS} 0`, display: "grid", gap: tokens.spacingVerticalS },
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  kind: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  facts: { display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalXS} 0` },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center", margin: `${tokens.spacingVerticalS} 0` },
  problems: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/**
 * 政策包 / Policy packs: the texts the forecast uses, built-in and added, each with its document,
 * place, entries, validity, version and author; a pack added from its folder's two files, checked
 * as `subsidy pack check` checks it (a refused one changes nothing, and every problem is shown);
 * removed after a question; a pack that replaces a text approved here before it is used; another
 * version of a text already added replaces it only once its diff is accepted.
 */
export function PacksSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const packs = usePacksInUse();
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const [confirmDialog, ask] = useConfirm();
  const rows = packRows(packs.added, i18n);

  const run = async (action: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      setOutcome(await action());
    } catch (e) {
      setOutcome({ ok: false, message: t("packs.saveFailed", { message: e instanceof Error ? e.message : String(e) }), problems: [] });
    } finally {
      setBusy(false);
    }
  };
  /** A newer version of a text already added: its diff, entry by entry, before it replaces the one in use. */
  const accept = (r: Revision) =>
    ask({
      title: t("packs.revisionTitle", { from: r.from, to: r.to }),
      body: (
        <>
          <p>{t("packs.revisionBody", { title: r.title })}</p>
          <ul className={styles.problems} data-testid="pack-revision">
            {r.changes.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      ),
      confirm: t("packs.revisionConfirm"),
    });
  const remove = async (row: PackRow) => {
    if (!row.name) return;
    if (!(await ask({ title: t("packs.removeTitle"), body: t("packs.removeBody", { name: row.title }), confirm: t("packs.remove") }))) return;
    await run(() => packs.remove(row.name!));
  };

  return (
    <section aria-labelledby={titleId} data-testid="packs">
      {confirmDialog}
      <h3 id={titleId}>{t("packs.title")}</h3>
      <p>{t("packs.help")}</p>
      {packs.kept.map((note, i) => (
        <MessageBar key={i} intent="warning" data-testid="packs-kept">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
      <div className={styles.actions}>
        <Button onClick={() => input.current?.click()} disabled={busy} data-testid="packs-add">
          {t("packs.add")}
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".json,.txt,application/json,text/plain"
          hidden
          aria-label={t("packs.add")}
          data-testid="packs-file"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = "";
            if (files.length) void run(() => packs.add(files, accept));
          }}
        />
        {busy && <Spinner size="tiny" label={t("packs.adding")} />}
      </div>
      <div role="status" aria-live="polite">
        {outcome && (
          <MessageBar intent={outcome.ok ? "success" : "error"} data-testid={outcome.ok ? "packs-done" : "packs-refused"}>
            <MessageBarBody>
              {outcome.message}
              {!outcome.ok && outcome.problems.length > 0 && (
                <ul className={styles.problems}>
                  {outcome.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ul className={styles.list} data-testid="packs-list">
        {rows.map((row) => (
          <li key={row.key} className={styles.card} data-testid={row.name ? `pack-${row.name}` : "pack-built-in"}>
            <p className={styles.title}>{row.title}</p>
            <span className={styles.kind}>{row.name ? t("packs.addedKind") : t("packs.builtIn")}</span>
            <dl className={styles.facts}>
              <dt className={styles.term}>{t("packs.jurisdiction")}</dt>
              <dd className={styles.detail}>{row.place}</dd>
              <dt className={styles.term}>{t("packs.entries")}</dt>
              <dd className={styles.detail}>{row.entries}</dd>
              <dt className={styles.term}>{t("packs.validity")}</dt>
              <dd className={styles.detail}>{row.validity}</dd>
              <dt className={styles.term}>{t("packs.version")}</dt>
              <dd className={styles.detail}>{row.version}</dd>
              <dt className={styles.term}>{t("packs.author")}</dt>
              <dd className={styles.detail}>{row.author}</dd>
              {row.hash && (
                <>
                  <dt className={styles.term}>{t("packs.hash")}</dt>
                  <dd className={styles.detail}>{row.hash}</dd>
                </>
              )}
            </dl>
            {row.awaiting && (
              <MessageBar intent="warning" data-testid="pack-awaiting">
                <MessageBarBody>{t("packs.awaiting", row.awaiting)}</MessageBarBody>
              </MessageBar>
            )}
            {row.name && (
              <div className={styles.actions}>
                {row.awaiting && (
                  <Button size="small" appearance="primary" disabled={busy} aria-label={t("packs.approveLabel", { name: row.title })} onClick={() => void run(() => packs.approve(row.name!))}>
                    {t("packs.approve")}
                  </Button>
                )}
                <Button size="small" disabled={busy} aria-label={t("packs.removeLabel", { name: row.title })} onClick={() => void remove(row)}>
                  {t("packs.remove")}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
