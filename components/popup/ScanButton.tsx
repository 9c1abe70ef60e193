/** The button that asks for the page to be checked now (click-to-check, excluded, unchecked or "not an article" pages). */

export interface ScanButtonProps {
  label: string;
  onScan(): void;
}

export function ScanButton({ label, onScan }: ScanButtonProps) {
  return (
    <div class="scan">
      <button type="button" class="button" onClick={onScan}>
        {label}
      </button>
    </div>
  );
}
