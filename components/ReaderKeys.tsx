// The "?" overlay: the reader's keys, those of the reading itself and each tool's (from the
// registry, so a tool added there is listed here with its keys).
import { t } from '@/platform/i18n';
import type { ReaderTool } from './ReaderTools';

export function ReaderKeys({ tools }: { tools: readonly ReaderTool[] }) {
  const rows: [string[], string][] = [
    [['Space'], t('readerKeyNextScreen')],
    [['Shift', 'Space'], t('readerKeyPreviousScreen')],
    [['+'], t('readerKeyLarger')],
    [['−'], t('readerKeySmaller')],
    [['0'], t('readerKeyResetSize')],
    ...tools.flatMap((tool): [string[], string][] => [
      ...(tool.key ? [[[tool.key.toUpperCase()], t(tool.label)] as [string[], string]] : []),
      ...(tool.keys ?? []).map((k): [string[], string] => [[k.key.toUpperCase()], t(k.label)]),
    ]),
    [['Esc'], t('readerKeyEscape')],
  ];
  return (
    <dl class="ra-keys" data-testid="reader-keys">
      {rows.map(([keys, what]) => (
        <div key={what} class="ra-key-row">
          <dt>
            {keys.map((k, i) => (
              <>
                {i > 0 && ' + '}
                <kbd>{k}</kbd>
              </>
            ))}
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}
