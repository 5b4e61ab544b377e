// One choice among a few, as a row of segments (a radio group: arrows move between them, the
// browser's own keyboard behaviour): the reader's font, line spacing, width, theme and display mode.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface ChoiceProps<T extends string> {
  legend: string;
  value: T;
  /** Value and label; the label may be more than text (a theme's swatch). */
  options: readonly (readonly [T, ComponentChildren])[];
  onChange: (value: T) => void;
  testId?: string;
  /** Extra class for the group (`ra-swatches` for themes). */
  class?: string;
}

export function Choice<T extends string>({ legend, value, options, onChange, testId, class: extra }: ChoiceProps<T>) {
  const name = useId();
  return (
    <fieldset class={extra ? `ra-choice ${extra}` : 'ra-choice'} data-testid={testId}>
      <legend>{legend}</legend>
      <div class="ra-segments">
        {options.map(([v, label]) => (
          <label key={v} class="ra-segment">
            <input
              type="radio"
              name={name}
              value={v}
              checked={v === value}
              onChange={(e) => (e.currentTarget as HTMLInputElement).checked && onChange(v)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
