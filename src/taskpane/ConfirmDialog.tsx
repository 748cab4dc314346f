import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useI18n } from "./i18n";

export interface Question {
  readonly title: string;
  readonly body: ReactNode;
  readonly confirm: string;
}

const useStyles = makeStyles({
  dialog: {
    maxWidth: "min(28em, calc(100vw - 32px))",
    padding: tokens.spacingHorizontalXL,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow64,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    "::backdrop": { backgroundColor: "rgba(0, 0, 0, 0.4)" },
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalM}` },
  actions: { display: "flex", justifyContent: "flex-end", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalL },
});

/**
 * A modal question as a promise, for the workbook actions that would replace something of the
 * person's. The browser's own <dialog> (showModal: focus kept inside, Escape cancels, the rest
 * of the page inert), styled with Fluent's tokens: Fluent's Dialog would bring a focus-trap
 * library whose hidden focusable sentinels accessibility checkers flag, and more code.
 */
export function useConfirm(): [ReactNode, (question: Question) => Promise<boolean>] {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [question, setQuestion] = useState<Question | undefined>();
  const resolver = useRef<(answer: boolean) => void>(undefined);
  const ask = useCallback(
    (q: Question) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setQuestion(q);
      }),
    [],
  );
  const answer = (value: boolean) => {
    resolver.current?.(value);
    resolver.current = undefined;
    setQuestion(undefined);
  };
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (question && !dialog.open) dialog.showModal();
    if (!question && dialog.open) dialog.close();
  }, [question]);
  const dialog = (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onCancel={() => answer(false)}>
      {question && (
        <>
          <h2 className={styles.title} id={`${id}-title`}>
            {question.title}
          </h2>
          <div id={`${id}-body`}>{question.body}</div>
          <div className={styles.actions}>
            <Button appearance="secondary" onClick={() => answer(false)}>
              {t("cancel")}
            </Button>
            <Button appearance="primary" onClick={() => answer(true)}>
              {question.confirm}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
  return [dialog, ask];
}
