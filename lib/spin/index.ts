/** The spin hint: signs of a synonym spinner judged from a text alone (see detect.ts). */
export { detectSpin, distinctSpinEvidence, NO_SPIN_HINT } from './detect';
export { SPIN_SENSITIVITIES, type SpinEvidence, type SpinEvidenceKind, type SpinHint, type SpinSensitivity } from './types';
