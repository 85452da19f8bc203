import type { ReactNode } from 'react';

/** A tag as the inbox shows it: its name beside a dot of the catalogue's colour. */
export function TagChip({ name, color, children }: { name: string; color: string; children?: ReactNode }) {
  return (
    <span className="tag-chip">
      <span className="tag-dot" style={{ background: color }} aria-hidden="true" />
      {name}
      {children}
    </span>
  );
}
