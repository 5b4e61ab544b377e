import { sendToBackground, type TabCommand } from '@/platform/messages';

/**
 * Every command for the tab goes to the background, which carries it out to the end: the popup
 * closes as soon as the reader clicks the page, and whatever it was still doing would be lost.
 */
export const tabCommand = (tabId: number, command: TabCommand) => sendToBackground('tab/command', { tabId, command });
