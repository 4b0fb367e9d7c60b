/**
 * "Send event" on the selected chart: a signal (proposing those the chart
 * has been seen to handle), an optional JSON payload, and the answer. The
 * server publishes it on the mesh with the routing key the chart transmits
 * with, so every chart bound to a matching pattern receives it too (see
 * docs/dashboard.md); the event then shows in the log and the sequence view
 * as coming from `operator`.
 */
import { useId, useState, type FormEvent } from 'react';
import { useHandledSignals } from '../../panelApi/useHandledSignals.ts';
import { useSendEvent } from '../../panelApi/useSendEvent.ts';
import { parsePayloadText } from './parsePayloadText.ts';
import './SendEventControl.css';

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; text: string; ids: string } | { kind: 'error'; text: string };

export function SendEventControl({ chart }: { chart: string }) {
  const { available, send } = useSendEvent();
  const proposals = useHandledSignals(chart);
  const [signal, setSignal] = useState('');
  const [payload, setPayload] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const listId = useId();
  if (!available) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parsePayloadText(payload);
    if (!parsed.ok) return setStatus({ kind: 'error', text: parsed.error });
    const name = signal.trim();
    setStatus({ kind: 'sending' });
    try {
      const messages = await send({ target: chart, signal: name, payload: parsed.value });
      setStatus({ kind: 'sent', text: `sent ${name} via ${messages.map((m) => `${m.routingKey}${m.result === 'sent' ? '' : ` (${m.result})`}`).join(', ')}`, ids: messages.map((m) => m.messageId).join(' ') });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    }
  };

  return (
    <details className="send-event" data-testid="send-event">
      <summary data-testid="send-event-open" title="Send an event on the mesh to this chart (and every chart bound to the same routing key)">
        Send event ▾
      </summary>
      <form className="menu" onSubmit={(e) => void submit(e)}>
        <div className="dim menu-note">
          to <b>{chart}</b>, via the routing key it transmits with: every chart bound to it receives it too
        </div>
        <label>
          Signal
          <input data-testid="send-signal" list={listId} value={signal} onChange={(e) => setSignal(e.target.value)} placeholder={proposals[0] ?? 'signal_name'} autoComplete="off" spellCheck={false} required maxLength={128} />
        </label>
        <datalist id={listId} data-testid="send-proposals">
          {proposals.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <label>
          Payload
          <input data-testid="send-payload" value={payload} onChange={(e) => setPayload(e.target.value)} placeholder='optional JSON: "text", 42, {"n": 1}' autoComplete="off" spellCheck={false} />
        </label>
        <div className="send-actions">
          <button type="submit" data-testid="send-button" disabled={signal.trim() === '' || status.kind === 'sending'}>
            Send
          </button>
          {status.kind === 'sent' || status.kind === 'error' ? (
            <span data-testid="send-status" data-status={status.kind} data-messages={status.kind === 'sent' ? status.ids : undefined} className={status.kind === 'error' ? 'error-text' : 'dim'}>
              {status.text}
            </span>
          ) : null}
        </div>
      </form>
    </details>
  );
}
