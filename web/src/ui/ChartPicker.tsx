/**
 * Choose one chart (or a fixed choice such as "All charts") from a list
 * that may hold hundreds. Up to NATIVE_MAX options it is a plain <select>
 * (short, keyboard-friendly, what screen readers know); beyond that a
 * combobox: type to filter, arrows and Enter to choose, at most LIST_MAX
 * matches rendered at once.
 */
import { useMemo, useRef, useState } from 'react';
import { matchOptions, type PickerOption } from './chartPickerMatch.ts';
import './ChartPicker.css';

export const NATIVE_MAX = 40;
const LIST_MAX = 50;

export interface ChartPickerProps {
  options: readonly PickerOption[];
  value: string;
  onChange(value: string): void;
  label: string;
  testId: string;
}

export function ChartPicker(props: ChartPickerProps) {
  const { options, value, onChange, label, testId } = props;
  if (options.length <= NATIVE_MAX) {
    return (
      <select aria-label={label} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return <ChartCombobox {...props} />;
}

function ChartCombobox({ options, value, onChange, label, testId }: ChartPickerProps) {
  const [text, setText] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useRef(`picker-${Math.random().toString(36).slice(2)}`).current;
  const open = text !== null;
  const { shown, more } = useMemo(() => (open ? matchOptions(options, text, LIST_MAX) : { shown: [], more: 0 }), [options, text, open]);
  const current = options.find((o) => o.value === value)?.label ?? '';

  const choose = (option: PickerOption | undefined) => {
    if (option) onChange(option.value);
    setText(null);
  };

  return (
    <span className="chart-picker" data-testid={testId} data-value={value}>
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        data-testid={`${testId}-input`}
        value={open ? text : current}
        placeholder={current}
        onFocus={(e) => {
          setText('');
          setActive(0);
          e.currentTarget.select();
        }}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onBlur={() => setText(null)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, shown.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') choose(shown[active]);
          else if (e.key === 'Escape') setText(null);
          else return;
          e.preventDefault();
        }}
      />
      {open && (
        <ul className="chart-picker-list" role="listbox" id={listId} data-testid={`${testId}-list`}>
          {shown.map((o, i) => (
            <li
              key={o.value}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-value={o.value}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              {o.label}
            </li>
          ))}
          {shown.length === 0 && <li className="dim">no match</li>}
          {more > 0 && <li className="dim">{more} more — type to narrow</li>}
        </ul>
      )}
    </span>
  );
}
