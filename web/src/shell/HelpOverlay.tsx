/** The `?` overlay: every shortcut, from the same table the handler uses. */
import { useHelpOverlay } from '../panelApi/usePreferences.ts';
import { SHORTCUTS } from './shortcuts.ts';

export function HelpOverlay() {
  const [open, setOpen] = useHelpOverlay();
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-label="Keyboard shortcuts" data-testid="help-overlay" onClick={() => setOpen(false)}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  <kbd>{s.label}</kbd>
                </td>
                <td>{s.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="dim">Drop a saved log anywhere on the page to replay it.</p>
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
