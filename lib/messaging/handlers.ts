/**
 * The type of the background's handler object: one function per message of the protocol.
 * Content-script handlers also learn which tab spoke; page handlers need no sender.
 */
import type { ContentToBackground, PageToBackground } from '../protocol';

export interface ContentSender {
  tabId: number;
  /** The sending page's URL as the browser reports it (not as the page claims). */
  url: string;
  /** The page is in a private window (the browser says so, not the page). */
  incognito: boolean;
}

export type ContentHandlers = {
  [K in keyof ContentToBackground]: (
    request: ContentToBackground[K]['request'],
    from: ContentSender,
  ) => Promise<ContentToBackground[K]['response']>;
};

export type PageHandlers = {
  [K in keyof PageToBackground]: (request: PageToBackground[K]['request']) => Promise<PageToBackground[K]['response']>;
};

export type BackgroundHandlers = ContentHandlers & PageHandlers;
