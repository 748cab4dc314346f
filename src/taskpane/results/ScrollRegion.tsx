import { makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({ scroll: { overflowX: "auto", maxWidth: "100%" } });

/** A wide table in a narrow pane scrolls sideways; the region can take focus, so arrow keys scroll it. */
export function ScrollRegion({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
