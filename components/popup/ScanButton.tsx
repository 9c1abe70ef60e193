/** The button that asks for the page to be scanned now (click-to-scan, excluded or unchecked pages). */

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
