import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { parseScenario, type Scenario } from "../engine";
import { useI18n } from "../i18n";

/** A scenario from a JSON file (as the pane exports it, or `subsidy forecast` reads it), checked by the schema. */
export function ImportButton({ onScenario }: { readonly onScenario: (s: Scenario) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const read = async (file: File) => {
    try {
      onScenario(parseScenario(JSON.parse(await file.text())));
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
