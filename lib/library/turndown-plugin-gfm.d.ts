// @joplin/turndown-plugin-gfm ships no types: the plugins it exports, as markdown.ts uses them.
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';

  type Plugin = (service: TurndownService) => void;
  /** Tables, strikethrough, task lists and highlighted code blocks. */
  export const gfm: Plugin;
  export const tables: Plugin;
  export const strikethrough: Plugin;
  export const taskListItems: Plugin;
  export const highlightedCodeBlock: Plugin;
}
