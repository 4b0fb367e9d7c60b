/**
 * Keeps one broken panel from taking the page down: the panel shows what
 * went wrong and a button to try again, everything else keeps running.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  panel: string;
  children: ReactNode;
}

export class PanelErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`panel ${this.props.panel} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-error" role="alert" data-testid={`panel-error-${this.props.panel}`}>
        <strong>This panel stopped: </strong>
        <code>{error.message}</code>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Retry
        </button>
      </div>
    );
  }
}
