import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import { useI18n } from "./i18n";

/**
 * An error boundary around one step or one results section: an error while it renders shows
 * what failed and a button to draw it again, in the user's language, instead of React unmounting
 * the whole pane. `reset` runs first (to clear what that part had kept); `resetKeys` draw it again
 * by themselves when they change (another draft, another step).
 */
interface Props {
  /** What the part is, as the notice names it ("The forecast"). */
  readonly what: string;
  readonly reset?: () => void;
  readonly resetKeys?: readonly unknown[];
  readonly children: ReactNode;
}

interface State {
  readonly error?: Error;
  readonly keys?: readonly unknown[];
}

class Catcher extends Component<Props & { readonly words: (message: string) => { failed: string; reset: string } }, State> {
  state: State = { keys: this.props.resetKeys };

  static getDerivedStateFromError(e: unknown): Partial<State> {
    return { error: e instanceof Error ? e : new Error(String(e)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    const keys = props.resetKeys ?? [];
    const before = state.keys ?? [];
    if (keys.length === before.length && keys.every((k, i) => Object.is(k, before[i]))) return null;
    return { keys, error: undefined };
  }

  componentDidCatch(error: Error): void {
    // For whoever opens the console: which part, and the stack.
    console.error(`${this.props.what}:`, error);
  }

  render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const words = this.props.words(this.state.error.message.slice(0, 200) || this.state.error.name);
    return (
      <MessageBar intent="error" data-testid="boundary" role="alert">
        <MessageBarBody>{words.failed}</MessageBarBody>
        <MessageBarActions>
          <Button
            size="small"
            onClick={() => {
              this.props.reset?.();
              this.setState({ error: undefined });
            }}
          >
            {words.reset}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

export function Boundary(props: Props) {
  const { t } = useI18n();
  return <Catcher {...props} words={(message) => ({ failed: t("boundary.failed", { what: props.what, message }), reset: t("boundary.reset") })} />;
}
