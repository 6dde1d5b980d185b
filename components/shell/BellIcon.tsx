// The bell (body, then clapper), on a 24-unit grid.
const BELL = [
  "M12 2a1.5 1.5 0 0 0-1.5 1.5v.6A6 6 0 0 0 6 10v4.6l-1.7 2.1A.8.8 0 0 0 5 18h14a.8.8 0 0 0 .7-1.3",
  "L18 14.6V10a6 6 0 0 0-4.5-5.9v-.6A1.5 1.5 0 0 0 12 2Z",
  "m-2.5 17a2.5 2.5 0 0 0 5 0Z",
].join("");

/**
 * The notification bell, drawn rather than typed: an emoji needs a colour-emoji font, which many
 * Linux desktops (and the test and screenshot browser) lack, so it showed as an empty box.
 */
export function BellIcon() {
  return (
    <svg className="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={BELL} />
    </svg>
  );
}
