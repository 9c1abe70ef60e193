/**
 * Turns a raw runtime message into a handler call, or a refusal: the message must name a
 * known type, come from a sender allowed to send it, and have the declared shape.
 */
import type { Reply } from '../protocol';
import type { BackgroundHandlers } from './handlers';
import { fail, ok } from './reply';
import { contentRequestChecks, pageRequestChecks } from './requests';
import { classifySender, type ExtensionIdentity, type MessageSender } from './sender';
import { object, ShapeError, type Check } from './shape';

type ContentType = keyof typeof contentRequestChecks;
type PageType = Exclude<keyof BackgroundHandlers, ContentType>;

const isContentType = (type: string): type is ContentType => Object.hasOwn(contentRequestChecks, type);

/** A page message whose check is not written yet still has to be a plain object; it is copied. */
const plainObject: Check<object> = (value, path) => {
  object({})(value, path);
  return { ...(value as object) };
};

function pageCheck(type: PageType): Check<unknown> {
  return Object.hasOwn(pageRequestChecks, type) ? pageRequestChecks[type as keyof typeof pageRequestChecks] : plainObject;
}

export type MessageRouter = (message: unknown, sender: MessageSender) => Promise<Reply<unknown>>;

export function createMessageRouter(handlers: BackgroundHandlers, self: ExtensionIdentity): MessageRouter {
  const call = handlers as unknown as Record<string, (request: unknown, from?: unknown) => Promise<unknown>>;
  return async (message, sender) => {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return fail('Invalid message: unknown type.');
    const from = classifySender(sender, self);
    try {
      if (isContentType(type)) {
        if (from.kind !== 'content') return fail(`Refused: "${type}" may only come from a web page.`);
        const request = contentRequestChecks[type](message, '');
        return ok(await call[type](request, { tabId: from.tabId, url: from.url, incognito: from.incognito }));
      }
      if (from.kind !== 'extension-page') return fail(`Refused: "${type}" may only come from the extension’s own pages.`);
      const request = pageCheck(type as PageType)(message, '');
      return ok(await call[type](request));
    } catch (error) {
      if (!(error instanceof ShapeError)) console.error(`Recycled News: "${type}" failed`, error);
      return fail(error);
    }
  };
}
