import type { ReactNode } from 'react';

/**
 * A row of ARIA tabs (arrow keys move between them, one Tab stop) for a panel with the id
 * `${idPrefix}-panel`, labelled by the selected tab `${idPrefix}-tab-${value}`.
 */
export function TabList<T extends string>({
  tabs,
  value,
  idPrefix,
  label,
  onChange,
  children,
}: {
  tabs: readonly T[];
  value: T;
  idPrefix: string;
  label: string;
  onChange(tab: NoInfer<T>): void;
  /** A tab's label. */
  children(tab: NoInfer<T>): ReactNode;
}) {
  return (
    <div role="tablist" className="panel-tabs" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab}`}
          aria-selected={tab === value}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab === value ? 0 : -1}
          onClick={() => onChange(tab)}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (step === 0) return;
            const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
            if (next === undefined) return;
            onChange(next);
            document.getElementById(`${idPrefix}-tab-${next}`)?.focus();
          }}
        >
          {children(tab)}
        </button>
      ))}
    </div>
  );
}
