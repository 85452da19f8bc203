import { useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { Field } from '../../../ui/field.js';
import { parseWithin, settleNumber, type NumberLimits } from './schema-limits.js';

/** Labelled controls for the inspector forms; every one is controlled by the step's value. */

interface BaseProps {
  label: string;
  hint?: string;
  className?: string;
}

/** Plain text, committed as typed (names, labels, reasons). */
export function TextInput({
  label,
  hint,
  className,
  value,
  maxLength,
  placeholder,
  multiline,
  onChange,
  onBlur,
}: BaseProps & {
  value: string;
  maxLength: number;
  placeholder?: string;
  multiline?: boolean;
  onChange(value: string): void;
  onBlur?(): void;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})} {...(className ? { className } : {})}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            rows={3}
            value={value}
            maxLength={maxLength}
            placeholder={placeholder}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
          />
        ) : (
          <input
            {...control}
            type="text"
            value={value}
            maxLength={maxLength}
            placeholder={placeholder}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
          />
        )
      }
    </Field>
  );
}

/**
 * Text the schema constrains (a variable name, a phone number): committed only while the schema
 * accepts it, so a half-typed value never reaches the draft (the engine would refuse to save
 * it). While it does not, the field says so; leaving it shows the last accepted value again.
 */
export function SchemaInput({
  label,
  hint,
  className,
  value,
  schema,
  invalidText,
  placeholder,
  inputMode,
  type = 'text',
  list,
  onChange,
}: BaseProps & {
  value: string;
  schema: z.ZodType<string>;
  invalidText: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'tel' | 'text';
  type?: 'text' | 'date';
  /** The id of a <datalist> of suggestions. */
  list?: string;
  onChange(value: string): void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && !schema.safeParse(draft).success;
  return (
    <Field
      id={id}
      label={label}
      {...(hint ? { hint } : {})}
      {...(invalid ? { error: invalidText } : {})}
      {...(className ? { className } : {})}
    >
      {(control) => (
        <input
          {...control}
          type={type}
          value={draft ?? value}
          placeholder={placeholder}
          inputMode={inputMode}
          list={list}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            const parsed = schema.safeParse(text);
            if (parsed.success && parsed.data !== value) onChange(parsed.data);
          }}
          onBlur={() => setDraft(null)}
        />
      )}
    </Field>
  );
}

/**
 * A whole number within the schema's limits. Typing commits each value within them; leaving the
 * field (or Enter) clamps what is left. With `nullable`, an empty field commits null (and
 * `placeholder` says what null means).
 */
export function NumberInput({
  label,
  hint,
  className,
  value,
  limits,
  nullable,
  placeholder,
  onChange,
}: BaseProps & {
  value: number | null;
  limits: NumberLimits;
  nullable?: boolean;
  placeholder?: string;
  onChange(value: number | null): void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const settle = () => {
    if (draft === null) return;
    setDraft(null);
    if (nullable && draft.trim() === '') return;
    const settled = settleNumber(draft, limits, value ?? limits.min);
    if (settled !== value) onChange(settled);
  };
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})} {...(className ? { className } : {})}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={limits.min}
          max={limits.max}
          step={1}
          value={draft ?? (value === null ? '' : String(value))}
          placeholder={placeholder}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            if (nullable && text.trim() === '') {
              if (value !== null) onChange(null);
              return;
            }
            const parsed = parseWithin(text, limits);
            if (parsed !== null && parsed !== value) onChange(parsed);
          }}
          onBlur={settle}
          onKeyDown={(event) => {
            if (event.key === 'Enter') settle();
          }}
        />
      )}
    </Field>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

/** One choice among a few. */
export function SelectInput<T extends string>({
  label,
  hint,
  className,
  value,
  options,
  onChange,
}: BaseProps & { value: T; options: readonly Option<T>[]; onChange(value: T): void }) {
  const id = useId();
  return (
    <Field id={id} label={label} {...(hint ? { hint } : {})} {...(className ? { className } : {})}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            const picked = options.find((o) => o.value === event.target.value);
            if (picked) onChange(picked.value);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A titled group of fields. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="inspector-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
