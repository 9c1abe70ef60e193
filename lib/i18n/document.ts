/** Sets an extension page's language and title from the catalogue (screen readers read `lang`). */
import { t, uiLocale, type MessageKey } from './index';

export function localizeDocument(titleKey: MessageKey): void {
  document.documentElement.lang = uiLocale() ?? 'en';
  document.title = t(titleKey);
}
