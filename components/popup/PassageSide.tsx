/** One side of a shared passage, its differing words marked (as text: the words come from pages). */
import type { DiffSegment } from '../../lib/extension/passage-diff';

export interface PassageSideProps {
  segments: DiffSegment[];
  /** The passage goes on beyond what is shown. */
  cut: boolean;
  side: 'page' | 'source';
}

export function PassageSide({ segments, cut, side }: PassageSideProps) {
  return (
    <blockquote class={`passage__side passage__side--${side} page-text`}>
      {segments.map((segment, index) => (segment.changed ? <mark key={index}>{segment.text}</mark> : segment.text))}
      {cut && '…'}
    </blockquote>
  );
}
