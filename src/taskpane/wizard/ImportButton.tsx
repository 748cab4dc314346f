import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Scenario } from "../engine";
import { readJson, sizePolicy, type SetAside } from "../../workbook/stored";
import { asideReason } from "../aside-text";
import { scenarioFormat } from "../state/work";
import { useI18n } from "../i18n";

/** A scenario from a JSON file (as the pane exports it, or `subsidy forecast` reads it), read as the pane reads what it stored. */
export function ImportButton({ onScenario }: { readonly onScenario: (s: Scenario) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const read = async (file: File) => {
    const refuse = (aside: SetAside) => setError(t("import.failed", { name: file.name, message: asideReason(aside, t) }));
    // Read through the one reader: its size policy before the file is read at all.
    if (file.size > sizePolicy.bytes) return refuse({ kind: "size", bound: "bytes", at: file.name });
    try {
      const read = readJson(await file.text(), scenarioFormat);
      if (!read.ok) return refuse(read.aside);
      onScenario(read.value);
      setError(undefined);
    } catch (e) {
      setError(t("import.failed", { name: file.name, message: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <>
      <Button onClick={() => input.current?.click()}>{t("import.json")}</Button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t("import.json")}
        data-testid="import-json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void read(file);
          e.target.value = "";
        }}
      />
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
