/** The Switchboard mark: a handset over switchboard jacks. Decorative; the name sits beside it. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path
        d="M10.2 8.5c.6-.6 1.6-.6 2.2 0l1.9 1.9c.6.6.6 1.6 0 2.2l-1.1 1.1a10 10 0 0 0 5.1 5.1l1.1-1.1c.6-.6 1.6-.6 2.2 0l1.9 1.9c.6.6.6 1.6 0 2.2l-1.2 1.2c-1 1-2.6 1.4-4 .8A17 17 0 0 1 8.2 14.6c-.6-1.4-.2-3 .8-4z"
        fill="#fff"
      />
      <circle cx="23" cy="9" r="1.6" fill="#fff" opacity="0.85" />
      <circle cx="23" cy="14" r="1.6" fill="#fff" opacity="0.55" />
      <circle cx="18" cy="9" r="1.6" fill="#fff" opacity="0.55" />
    </svg>
  );
}
