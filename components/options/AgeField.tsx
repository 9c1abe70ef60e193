/** The age the storage panel's reclaim actions ask for: "… added more than [N] days ago …", typed as text and checked when a button is pressed. */
import { useState } from 'preact/hooks';

const DEFAULT_DAYS = 90;
const MAX_DAYS = 36_500;

/** The days typed, when they are a whole number from 1 to MAX_DAYS; else undefined (never a
 *  guess: an empty field must not become 0, "every learned article"). */
export function parseDays(typed: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(typed)) return undefined;
  const days = Number(typed);
  return days >= 1 && days <= MAX_DAYS ? days : undefined;
}

/** The field's text as typed (90 at first), and its setter. */
export function useAgeTyped() {
  return useState(String(DEFAULT_DAYS));
}

export interface AgeFieldProps {
  /** The input's name. */
  name: string;
  /** The words before and after the number. */
  before: string;
  after: string;
  typed: string;
  onTyped: (typed: string) => void;
}

export function AgeField({ name, before, after, typed, onTyped }: AgeFieldProps) {
  return (
    <label>
      {before}{' '}
      <input type="number" name={name} min={1} max={MAX_DAYS} step={1} value={typed} onInput={(event) => onTyped(event.currentTarget.value)} />{' '}
      {after}
    </label>
  );
}
