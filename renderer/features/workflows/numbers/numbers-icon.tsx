/** The side navigation's icon for dialled numbers: a dial pad (drawn like ui/icons.tsx). */
export const NumbersIcon = () => (
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
  </svg>
);
