import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const WorkflowsIcon = () => (
  <Icon>
    <rect x="3" y="3" width="7" height="5" rx="1.5" />
    <rect x="14" y="10" width="7" height="5" rx="1.5" />
    <rect x="3" y="16" width="7" height="5" rx="1.5" />
    <path d="M6.5 8v8M10 5.5h3.5a2 2 0 0 1 2 2V10M10 18.5h3.5a2 2 0 0 0 2-2V15" />
  </Icon>
);

export const InboxIcon = () => (
  <Icon>
    <path d="M3 13l2.5-7.5A2 2 0 0 1 7.4 4h9.2a2 2 0 0 1 1.9 1.5L21 13v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    <path d="M3 13h5l1.5 2.5h5L16 13h5" />
  </Icon>
);

export const PhoneIcon = () => (
  <Icon>
    <path d="M5 3.5h3l1.5 4.5-2 1.3a11 11 0 0 0 7.2 7.2l1.3-2 4.5 1.5v3a2 2 0 0 1-2.2 2A17.5 17.5 0 0 1 3 5.7a2 2 0 0 1 2-2.2z" />
  </Icon>
);

export const AnalyticsIcon = () => (
  <Icon>
    <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
  </Icon>
);

export const SettingsIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
  </Icon>
);

/** Dialled numbers: a dial pad. */
export const NumbersIcon = () => (
  <Icon>
    <circle cx="6" cy="4" r="1.5" />
    <circle cx="12" cy="4" r="1.5" />
    <circle cx="18" cy="4" r="1.5" />
    <circle cx="6" cy="9.5" r="1.5" />
    <circle cx="12" cy="9.5" r="1.5" />
    <circle cx="18" cy="9.5" r="1.5" />
    <circle cx="6" cy="15" r="1.5" />
    <circle cx="12" cy="15" r="1.5" />
    <circle cx="18" cy="15" r="1.5" />
    <circle cx="12" cy="20.5" r="1.5" />
  </Icon>
);

/** A folded map: the canvas's minimap. */
export const MapIcon = () => (
  <Icon>
    <path d="M3 6.5 9 4l6 2.5L21 4v13.5L15 20l-6-2.5L3 20z" />
    <path d="M9 4v13.5M15 6.5V20" />
  </Icon>
);
